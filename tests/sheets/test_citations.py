"""A case template cites a law: the law sheets it carries resolve the citation."""

import civicspace.sheets

from .conftest import fill_case


def test_the_case_template_has_the_law_sheets(tmp_path):
    assert {"laws", "law_articles"} <= set(civicspace.sheets.TEMPLATE_TYPES["case"])


def test_a_case_citing_a_law_imports_valid_with_the_law_on_its_sheet(tmp_path, case_document):
    # Issue: "A case template cannot cite a law: it has no laws sheet, so every case with a
    # charge citation fails collection.unresolved_reference".
    filler = fill_case(tmp_path / "case.xlsx", case_document)
    cid, charge = case_document["id"], case_document["charges"][0]["id"]
    for index, article in enumerate(["494", "495"]):
        filler.add(
            "charge_citations",
            case_id=cid,
            charge_id=charge,
            citation_index=0,
            article_index=index,
            law_id="khm/code/criminal-code",
            article=article,
        )
    filler.add(
        "laws",
        law_id="khm/code/criminal-code",
        jurisdiction="KHM",
        kind="code",
        titles="Criminal Code",
    )
    reading = civicspace.sheets.read_tables(filler.save())
    assert [] == [str(issue) for issue in reading.issues]
    citation = reading.document["cases"][0]["charges"][0]["citations"][0]
    assert {"law": "khm/code/criminal-code", "articles": ["494", "495"]} == citation
    assert "khm/code/criminal-code" == reading.document["laws"][0]["id"]


def test_a_citation_without_its_law_says_to_add_the_law(tmp_path, case_document):
    filler = fill_case(tmp_path / "case.xlsx", case_document)
    filler.add(
        "charge_citations",
        case_id=case_document["id"],
        charge_id=case_document["charges"][0]["id"],
        citation_index=0,
        article_index=0,
        law_id="khm/code/criminal-code",
        article="494",
    )
    reading = civicspace.sheets.read_tables(filler.save())
    assert ["collection.unresolved_reference"] == [issue.issue.code for issue in reading.issues]
