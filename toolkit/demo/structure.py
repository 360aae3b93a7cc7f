"""The demo site's fixed structure: its index pages and the texts the data files may leave out, in fr, ar and en."""

from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext

INDEX_PAGES = {
    "tools": {
        "model": "ToolIndexPage",
        "child": "ToolPage",
        "slug": "outils",
        "title": {"fr": "Outils", "ar": "الأدوات", "en": "Tools"},
        "summary": {
            "fr": "Les outils de coopération, de communication et de participation citoyenne des régions.",
            "ar": "أدوات التعاون والتواصل والمشاركة المواطنة لدى الجهات.",
            "en": "The regions' tools for cooperation, communication and citizen participation.",
        },
        "introduction": {
            "fr": (
                "Méthodes, modèles, listes de contrôle, plateformes et formations développés par les partenaires "
                "et les conseils régionaux, avec les régions qui les utilisent."
            ),
            "ar": (
                "مناهج ونماذج وقوائم مراجعة ومنصات ودورات تكوينية طوّرها الشركاء والمجالس الجهوية، مع بيان الجهات "
                "التي تعتمدها."
            ),
            "en": (
                "Methods, templates, checklists, platforms and training developed by the partners and the regional "
                "councils, with the regions that use them."
            ),
        },
    },
    "guides": {
        "model": "GuideIndexPage",
        "child": "GuidePage",
        "slug": "guides",
        "title": {"fr": "Guides et référentiels", "ar": "الأدلة والمرجعيات", "en": "Guides and frameworks"},
        "summary": {
            "fr": "Les guides et référentiels produits pour les conseils des régions.",
            "ar": "الأدلة والمرجعيات المُعدّة لفائدة مجالس الجهات.",
            "en": "The guides and frameworks produced for the regional councils.",
        },
        "introduction": {
            "fr": "Chaque guide se lit en ligne, s'imprime et se télécharge en PDF dans les trois langues.",
            "ar": "يمكن قراءة كل دليل على الموقع وطباعته وتحميله بصيغة PDF باللغات الثلاث.",
            "en": "Every guide can be read online, printed and downloaded as a PDF in the three languages.",
        },
    },
    "experiences": {
        "model": "ExperienceIndexPage",
        "child": "ExperiencePage",
        "slug": "experiences",
        "title": {"fr": "Expériences réussies", "ar": "التجارب الناجحة", "en": "Successful experiences"},
        "summary": {
            "fr": "Ce que les conseils régionaux ont réussi, et ce qu'ils en ont appris.",
            "ar": "ما حققته المجالس الجهوية من نجاحات وما استخلصته منها من دروس.",
            "en": "What the regional councils achieved, and what they learned from it.",
        },
        "introduction": {
            "fr": "Des expériences documentées dans les 12 régions : contexte, actions, résultats et leçons apprises.",
            "ar": "تجارب موثقة في الجهات الاثنتي عشرة: السياق والإجراءات والنتائج والدروس المستفادة.",
            "en": "Experiences documented in the 12 regions: context, actions, results and lessons learned.",
        },
    },
    "recommendations": {
        "model": "RecommendationIndexPage",
        "child": "RecommendationPage",
        "slug": "recommandations",
        "title": {
            "fr": "Recommandations du colloque",
            "ar": "توصيات المناظرة",
            "en": "Colloquium recommendations",
        },
        "summary": {
            "fr": "Les recommandations du 1er colloque national sur la régionalisation avancée et leur mise en œuvre.",
            "ar": "توصيات المناظرة الوطنية الأولى حول الجهوية المتقدمة وسبل تنفيذها.",
            "en": "The recommendations of the first national colloquium on advanced regionalisation and their "
            "implementation.",
        },
        "introduction": {
            "fr": "Pour chaque recommandation : les solutions proposées et où en est leur mise en œuvre.",
            "ar": "لكل توصية: الحلول المقترحة ومدى تقدم تنفيذها.",
            "en": "For each recommendation: the solutions proposed and where their implementation stands.",
        },
    },
    "benchmarks": {
        "model": "BenchmarkIndexPage",
        "child": "BenchmarkPage",
        "slug": "benchmark-britannique",
        "title": {"fr": "Benchmark britannique", "ar": "المقارنة مع التجربة البريطانية", "en": "British benchmark"},
        "summary": {
            "fr": "Des pratiques britanniques confrontées au contexte marocain.",
            "ar": "ممارسات بريطانية في ضوء السياق المغربي.",
            "en": "British practices set against the Moroccan context.",
        },
        "introduction": {
            "fr": "Comment la pratique fonctionne au Royaume-Uni, ce qui se transfère et comment l'adapter au Maroc.",
            "ar": "كيف تُطبَّق الممارسة في المملكة المتحدة، وما الذي يمكن نقله منها، وكيف تُكيَّف مع السياق المغربي.",
            "en": "How the practice works in the United Kingdom, what transfers and how it adapts to Morocco.",
        },
    },
    "regions": {
        "model": "RegionIndexPage",
        "child": "RegionPage",
        "slug": "regions",
        "title": {"fr": "Les 12 régions", "ar": "الجهات الاثنتا عشرة", "en": "The 12 regions"},
        "summary": {
            "fr": "Les outils, les expériences et les chiffres clés de chaque région.",
            "ar": "أدوات كل جهة وتجاربها وأرقامها الرئيسية.",
            "en": "Each region's tools, experiences and key figures.",
        },
        "introduction": {
            "fr": "Choisissez une région sur la carte ou dans la liste.",
            "ar": "اختر جهة من الخريطة أو من القائمة.",
            "en": "Choose a region on the map or in the list.",
        },
    },
    "overview": {
        "model": "AdoptionOverviewPage",
        "child": None,
        "slug": "adoption-des-outils",
        "title": {"fr": "Adoption des outils", "ar": "اعتماد الأدوات", "en": "Tool adoption"},
        "summary": {
            "fr": "Quels outils sont utilisés dans quelles régions, en un coup d'œil.",
            "ar": "نظرة شاملة على الأدوات المعتمدة في كل جهة.",
            "en": "Which tools are used in which regions, at a glance.",
        },
        "introduction": {
            "fr": "Chaque ligne est un outil, chaque colonne une région, dans l'ordre officiel des codes.",
            "ar": "يمثل كل صف أداة وكل عمود جهة، وفق الترتيب الرسمي للرموز.",
            "en": "Each row is a tool, each column a region, in the official order of the codes.",
        },
    },
}

# Data file -> the index page its items go under.
PAGE_FILES = {
    "tools": "tools",
    "guides": "guides",
    "experiences": "experiences",
    "benchmarks": "benchmarks",
    "recommendations": "recommendations",
}


def region_summary(item, census):
    """A region's one-line summary from its seat and census figures, when the data gives none."""
    population = census["population"] if census else 0
    millions = f"{population / 1_000_000:.1f}"
    word = "millions" if population >= 2_000_000 else "million"
    return {
        "fr": f"Chef-lieu : {item['seat']['fr']}. {millions.replace('.', ',')} {word} d'habitants en 2024.",
        "ar": f"مقر الجهة: {item['seat']['ar']}. {millions} مليون نسمة سنة 2024.",
        "en": f"Seat: {item['seat']['en']}. {millions} million inhabitants in 2024.",
    }


def format_date(value, language):
    with translation.override(language):
        return date_format(value, "j F Y")


def version_label(version, language):
    with translation.override(language):
        return gettext("Version %(version)s") % {"version": version}
