//! Years and dates written as people write them in notes ("PyCon 2031",
//! "Summit ’31", "2031-03-14", "<2031-03-14 Fri>", "Sept 17th"): a heading
//! that is one marks a day or names an event, not a talk.

use super::ws::Ws;

/// A four-digit year (1900-2099) or an abbreviated one ("’22", "'22").
pub fn has_year(t: &str) -> bool {
    let b = t.as_bytes();
    for i in 0..b.len() {
        let starts = i == 0 || !b[i - 1].is_ascii_alphanumeric();
        if starts && b.len() >= i + 4 && (b[i..].starts_with(b"19") || b[i..].starts_with(b"20")) {
            let digits = b[i..i + 4].iter().all(u8::is_ascii_digit);
            if digits && b.get(i + 4).is_none_or(|c| !c.is_ascii_alphanumeric()) {
                return true;
            }
        }
    }
    ["’", "'"].iter().any(|q| {
        t.match_indices(q).any(|(i, _)| {
            let after = &t[i + q.len()..];
            let d = after.bytes().take_while(u8::is_ascii_digit).count();
            d == 2 && i > 0 && t[..i].ends_with(' ')
        })
    })
}

const WEEKDAYS: &[&str] = &[
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

const MONTHS: &[&str] = &[
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A date alone: "11.5.31", "2031-03-14", "<2031-03-14 Fri>", "March 2031",
/// "Sept 17th".
pub fn is_date(t: &str) -> bool {
    let t = t.ws_trim().trim_matches(['<', '>', '[', ']']);
    // Asked of many headings and notes: no date is this long.
    if t.len() > 40 {
        return false;
    }
    let parts = || t.split(['.', '/', '-']);
    if (2..=3).contains(&parts().count())
        && parts().all(|p| (1..=4).contains(&p.len()) && p.bytes().all(|c| c.is_ascii_digit()))
    {
        return true;
    }
    let words = || t.split([' ', ',']).filter(|w| !w.is_empty());
    let is_month = |w: &str| MONTHS.iter().any(|m| w.trim_end_matches('.').eq_ignore_ascii_case(m));
    let is_day = |w: &str| WEEKDAYS.iter().any(|d| w.eq_ignore_ascii_case(d));
    // "17th", "2031-03-14": digits first, then at most an ordinal suffix.
    let is_number = |w: &str| {
        let n = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        n.starts_with(|c: char| c.is_ascii_digit()) && n.chars().all(|c| c.is_ascii_digit() || "-./".contains(c))
    };
    if words().count() > 4 || !words().all(|w| is_month(w) || is_day(w) || is_number(w)) {
        return false;
    }
    words().any(is_month) || words().next().is_some_and(|w| is_number(w) && w.len() > 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_and_dates() {
        assert!(has_year("PyCon 2019") && has_year("Gadget Days ’31 | Lyon"));
        assert!(!has_year("20 ways") && !has_year("x2019") && !has_year("Team's 22 goals"));
        for d in [
            "11.5.31",
            "2031-03-14",
            "<2031-03-14 Fri>",
            "March 2031",
            "Sept 17th",
            "Mon, Oct 3",
        ] {
            assert!(is_date(d), "{d}");
        }
        for d in ["Widget 2.14", "Day 2", "3 Charms", "May the force"] {
            assert!(!is_date(d), "{d}");
        }
    }
}
