"""Document kind signals (ingest/kind.py)."""

import pytest

from dyad.ingest.kind import tells_story_day


@pytest.mark.parametrize(
    ("lead", "expected"),
    [
        ("The two governments on Thursday agreed to reopen the consulates in each other's capitals.", True),
        ("Officials said the envoy left the country early on Monday morning.", True),
        ("The foreign minister met his counterpart today to review the border talks.", True),
        ("The navy this week expelled two trawlers from the disputed waters.", True),
        # a day that opens its sentence: how readouts, briefings and posts tell theirs
        ("On Friday, in the Blue Hall of the palace, the two presidents exchanged the instruments.", False),
        ("So it finally happened. On Monday the minister landed in the capital.", False),
        # a weekday that opens a date line, and a day that names a thing
        ("Associated Press - Friday, March 3, 2017. The ministry issued a note.", False),
        ("Last Thursday's decision to suspend the flights surprised the airlines.", False),
        ("Relations between the two kingdoms date back to the sixteenth century.", False),
    ],
)
def test_a_lead_tells_the_story_day(lead: str, expected: bool) -> None:
    assert tells_story_day(lead) is expected
