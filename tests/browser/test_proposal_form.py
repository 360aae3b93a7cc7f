"""A council member without an account proposes an experience in Arabic, in a browser: the form reads right to left,
has no accessibility violation of any impact (axe-core) and is valid HTML (vnu), as blank, refused and thanked; it
refuses a missing consent with a message next to the field, then makes a draft in the Arabic tree. Screenshots go to
test-results/proposals/.
"""

from pathlib import Path

from django.conf import settings

from proposals.models import Proposal
from tests.html_checker import vnu_errors
from toolkit.tests import factories

SHOTS = Path("test-results/proposals")
AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def arabic_toolkit():
    tree = factories.toolkit_tree()
    factories.twelve_regions(tree["regions"])
    factories.ThemeFactory(slug="participation", name="Participation citoyenne")
    return {kind: factories.translate(tree[kind], "ar") for kind in ("experiences", "tools")}


def violations(tab):
    tab.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = tab.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['id']} ({v['impact']}): {v['nodes'][0]['target']}" for v in result["violations"]]


def test_a_council_proposes_an_experience_in_arabic(browser, live_portal, tmp_path):
    SHOTS.mkdir(parents=True, exist_ok=True)
    arabic = arabic_toolkit()
    attachment = tmp_path / "تقرير.pdf"
    attachment.write_bytes(PDF)
    context = browser.new_context(base_url=live_portal.url, locale="ar-MA", bypass_csp=True)
    tab = context.new_page()
    try:
        documents = {"blank": tab.goto("/ar/propose/").text()}
        assert tab.evaluate("getComputedStyle(document.documentElement).direction") == "rtl"
        assert violations(tab) == []
        assert not tab.locator("#id_website").is_visible()  # the honeypot: neither seen nor read

        tab.get_by_label("تجربة ناجحة لمجلس أو شريك").check()
        tab.get_by_label("عنوان المقترح").fill("الميزانية التشاركية للشباب")
        tab.get_by_label("الوصف").fill(
            "فتح المجلس الجهوي خمسة في المائة من ميزانية الاستثمار أمام مقترحات شباب الجهة، بعد مشاورات في الأقاليم."
        )
        tab.get_by_label("الجهة").select_option("04")
        tab.get_by_label("المحور").select_option("participation")
        tab.get_by_label("اسمكم").fill("أمينة العلوي")
        tab.get_by_label("المجلس أو الهيئة التي تنتمون إليها").fill("مجلس جهة الرباط - سلا - القنيطرة")
        tab.get_by_label("عنوان البريد الإلكتروني").fill("amina@example.ma")
        tab.get_by_label("المرفقات (اختيارية)").set_input_files(str(attachment))
        with tab.expect_response("**/ar/propose/") as refused:
            tab.get_by_role("button", name="إرسال المقترح").click()
        tab.wait_for_load_state()
        assert refused.value.status == 400
        documents["refused"] = refused.value.text()
        assert violations(tab) == []

        # The consent to processing was left unticked: refused next to the field, nothing stored.
        assert "موافقتكم ضرورية لمعالجة مقترحكم." in tab.locator("main").inner_text()
        assert Proposal.objects.count() == 0
        tab.screenshot(path=str(SHOTS / "ar-refused.png"), full_page=True)

        tab.get_by_label("أوافق على ذكر اسمي").check()
        tab.get_by_label("أوافق على أن يعالج شركاء البرنامج").check()
        tab.get_by_label("المرفقات (اختيارية)").set_input_files(str(attachment))
        tab.get_by_role("button", name="إرسال المقترح").click()
        tab.wait_for_url("**/ar/propose/thanks/")
        assert tab.get_by_role("heading", level=1).inner_text() == "شكرا على مقترحكم"
        documents["thanks"] = tab.content()
        assert violations(tab) == []
        assert vnu_errors(documents) == []
        tab.screenshot(path=str(SHOTS / "ar-thanks.png"), full_page=True)

        proposal = Proposal.objects.get()
        page = proposal.page.specific
        assert proposal.language == "ar" and proposal.credit_consent and proposal.documents.count() == 1
        assert page.get_parent().pk == arabic["experiences"].pk and not page.live
        assert page.title == "الميزانية التشاركية للشباب"
    finally:
        context.close()
