"""Newsroom vocabulary Harper's dictionaries lack, so that the lint does not flag it as misspelt.

Gathered from the false flags of fact-checks in Indian, British and American English: figure
abbreviations ("£1.3bn"), currency words, Indian English administration and usage, the Latin of court
reports, and medical terms of health reporting. Only lower-case words are ever reported, so names
and acronyms need no entry. A site adds its own words in `content/words.txt` (see wordlist.py).
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# "£1.3bn", "$3.1tn", "4.2mn", "Rs 1.2 cr", "14K": the scale abbreviations of figures.
FIGURE_ABBREVIATIONS = _words("bn tn mn trn cr crs lk lkh bln mln")
CURRENCY_WORDS = _words(
    "rs paise paisa taka takas naira nairas renminbi dirham dirhams forint forints hryvnia hryvnias"
    " kwacha kwachas cedi cedis kip riel lempira lempiras quetzal quetzales colones tenge som"
    " manat lari dram leu lei lev kuna"
)
INDIAN_ENGLISH = _words(
    "lakh lakhs crore crores crorepati crorepatis quintal quintals tehsil tehsils tehsildar tehsildars taluk taluks"
    " taluka talukas panchayat panchayats sarpanch sarpanches gram zila parishad collectorate"
    " collectorates anganwadi anganwadis lathi lathis lathicharge lathicharged dharna dharnas"
    " gherao gheraoed hartal hartals bandh bandhs godown godowns tiffin prepone preponed updation"
    " nullah nullahs nallah mohalla mohallas jhuggi jhuggis pucca kutcha chargesheet chargesheets"
    " chargesheeted mandi mandis kharif rabi jawan jawans adivasi adivasis dalit dalits"
    " undertrial undertrials vakalatnama lokayukta lokpal nonbailable cognisable pumpset pumpsets"
    " borewell borewells challan challans"
)
LEGAL_TERMS = _words(
    "amicus curiae habeas corpus suo motu gratia certiorari mandamus quo warranto sub judice prima"
    " facie bona fide fides pro bono locus standi res judicata obiter dicta dictum alia mens rea"
    " actus reus nolle prosequi ultra vires"
)
MEDICAL_TERMS = _words(
    "comorbidity comorbidities chikungunya mpox monkeypox antiretroviral antiretrovirals"
    " hydroxychloroquine ivermectin remdesivir paxlovid molnupiravir immunocompromised"
    " seroprevalence seropositivity myocarditis zoonotic anaemia anaemic haemoglobin haemorrhage"
    " oesophageal paediatric paediatrician paediatricians wellbeing comorbid mucormycosis nosocomial"
    " zoonoses oximeter oximeters tocilizumab favipiravir dexamethasone sarbecovirus leptospirosis"
    " thalassaemia thalassemia larvicide larvicides larvicidal adulticide pyrethroid pyrethroids"
    " seropositive thrombocytopenia haemorrhagic aedes plasmodium falciparum vivax"
)
NEWSROOM_TERMS = _words(
    "capex opex geolocated geolocate shopworker shopworkers oilseed oilseeds rainfed convenor convenors extractable"
    " enrollee enrollees useable reoffend reoffends reoffended reoffending"
)

NEWSROOM_WORDS = FIGURE_ABBREVIATIONS | CURRENCY_WORDS | INDIAN_ENGLISH | LEGAL_TERMS | MEDICAL_TERMS | NEWSROOM_TERMS

# Two words written as one, a common slip of typing: the engine's own suggestion for them is often
# a wrong split ("infact": "inf act"), so these are corrected from this table.
RUN_TOGETHER = {
    "alot": "a lot",
    "aswell": "as well",
    "atleast": "at least",
    "eachother": "each other",
    "eventhough": "even though",
    "everytime": "every time",
    "incase": "in case",
    "infact": "in fact",
    "infront": "in front",
    "inorder": "in order",
    "inspite": "in spite",
    "noone": "no one",
    "ofcourse": "of course",
    "thankyou": "thank you",
    "upto": "up to",
}
