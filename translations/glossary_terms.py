"""The programme's terms as the partnership renders them, seeded into the glossary by ``load_glossary``.

Sources: the organic law on the regions (loi organique n° 111-14 / القانون التنظيمي رقم 111.14) and the
programme's own French, Arabic and English documents.
"""

TERMS = [
    ("régionalisation avancée", "الجهوية المتقدمة", "advanced regionalisation"),
    ("conseil régional", "المجلس الجهوي", "regional council"),
    ("collectivités territoriales", "الجماعات الترابية", "local authorities"),
    (
        "Direction générale des collectivités territoriales",
        "المديرية العامة للجماعات الترابية",
        "Directorate General of Local Authorities",
    ),
    ("Association des régions du Maroc", "جمعية جهات المغرب", "Association of Moroccan Regions"),
    ("programme de développement régional", "برنامج التنمية الجهوية", "regional development programme"),
    (
        "schéma régional d'aménagement du territoire",
        "التصميم الجهوي لإعداد التراب",
        "regional land-use planning scheme",
    ),
    (
        "agence régionale d'exécution des projets",
        "الوكالة الجهوية لتنفيذ المشاريع",
        "regional project implementation agency",
    ),
    ("démocratie participative", "الديمقراطية التشاركية", "participatory democracy"),
    ("participation citoyenne", "المشاركة المواطنة", "citizen participation"),
    ("instances consultatives", "الهيئات الاستشارية", "advisory bodies"),
    ("pétition", "العريضة", "petition"),
    ("déconcentration administrative", "اللاتمركز الإداري", "administrative deconcentration"),
    ("principe de subsidiarité", "مبدأ التفريع", "principle of subsidiarity"),
    ("compétences propres", "الاختصاصات الذاتية", "own competences"),
    ("compétences partagées", "الاختصاصات المشتركة", "shared competences"),
    ("compétences transférées", "الاختصاصات المنقولة", "transferred competences"),
    ("fonds de mise à niveau sociale", "صندوق التأهيل الاجتماعي", "social upgrading fund"),
    ("fonds de solidarité interrégionale", "صندوق التضامن بين الجهات", "interregional solidarity fund"),
    ("contrat-programme État-Région", "العقد-البرنامج بين الدولة والجهة", "State-Region programme contract"),
]
