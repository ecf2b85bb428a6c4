//! Which characters of a text to mark for a query: the search's own match
//! positions (char indices, never bytes) merged into runs, and the text cut
//! into marked and plain pieces for a renderer to style.

use std::ops::Range;

use crate::outline::Outline;
use crate::search::{self, Query};

/// Sorted char positions merged into runs of adjacent ones.
pub fn runs(positions: &[usize]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for &p in positions {
        match out.last_mut() {
            Some(r) if r.end == p => r.end += 1,
            Some(r) if r.contains(&p) => {}
            _ => out.push(p..p + 1),
        }
    }
    out
}

/// `text` cut at the edges of `runs` (char ranges, sorted, disjoint): each
/// piece with whether it is marked. Runs past the text's end are cut off.
pub fn segments<'t>(text: &'t str, runs: &[Range<usize>]) -> Vec<(&'t str, bool)> {
    let mut out = Vec::new();
    let mut bytes = text.char_indices().map(|(b, _)| b).chain([text.len()]);
    let mut byte_at = {
        let mut seen = 0; // chars consumed from `bytes`
        let mut last = 0;
        move |char_index: usize| {
            while seen <= char_index {
                match bytes.next() {
                    Some(b) => last = b,
                    None => return text.len(),
                }
                seen += 1;
            }
            last
        }
    };
    let mut at = 0;
    for r in runs {
        let (start, end) = (byte_at(r.start).max(at), byte_at(r.end));
        if start >= end {
            continue;
        }
        if at < start {
            out.push((&text[at..start], false));
        }
        out.push((&text[start..end], true));
        at = end;
    }
    if at < text.len() {
        out.push((&text[at..], false));
    }
    out
}

/// `runs` of `text` carried onto the lines `wrap::wrap` cut it into (runs
/// of each line's own chars). Wrapping drops the spaces at a break and
/// squeezes runs of spaces into one; every other char keeps its order, so
/// the lines' chars are matched to the text's in one pass.
pub fn wrapped_runs(text: &str, runs: &[Range<usize>], lines: &[&str]) -> Vec<Vec<Range<usize>>> {
    let mut src = text.chars().enumerate().peekable();
    let mut marked_chars: Vec<Vec<usize>> = Vec::with_capacity(lines.len());
    let marked = |i: usize| {
        let k = runs.partition_point(|r| r.end <= i);
        runs.get(k).is_some_and(|r| r.contains(&i))
    };
    for line in lines {
        let mut here = Vec::new();
        while src.next_if(|&(_, c)| c == ' ').is_some() {}
        for (j, c) in line.chars().enumerate() {
            if c == ' ' {
                while src.next_if(|&(_, c)| c == ' ').is_some() {}
                continue;
            }
            // A char of the text that wrapping dropped would desynchronise
            // the walk: find this one again.
            while src.next_if(|&(_, s)| s != c).is_some() {}
            if let Some((i, _)) = src.next() {
                if marked(i) {
                    here.push(j);
                }
            }
        }
        marked_chars.push(here);
    }
    marked_chars.iter().map(|m| self::runs(m)).collect()
}

/// How much of a query marks are drawn for (see `Highlighter::with`).
pub const MARK_QUERY_BYTES: usize = 64;

/// How much of a text `Highlighter::matches` reads.
pub const MATCH_BYTES: usize = 4096;

/// A query kept for marking what it matched until it is cleared.
#[derive(Clone, Debug)]
pub struct Highlighter {
    text: String,
    query: Query,
}

impl Highlighter {
    /// None for a query that marks nothing (empty, or only exclusions).
    pub fn new(query: &str) -> Option<Highlighter> {
        Highlighter::with(query, search::Matching::Fuzzy)
    }

    /// As `new`, with plain words read as `matching` says (exact mode).
    /// Marks use the query's first distinct words, up to `MARK_QUERY_BYTES`:
    /// each is matched against every row on screen, so a frame must not
    /// grow with what was pasted into the input.
    pub fn with(query: &str, matching: search::Matching) -> Option<Highlighter> {
        let mut kept: Vec<&str> = Vec::new();
        let mut bytes = 0;
        for word in query.split_whitespace() {
            if kept.contains(&word) {
                continue;
            }
            bytes += word.len() + 1;
            if bytes > MARK_QUERY_BYTES {
                break;
            }
            kept.push(word);
        }
        let query = kept.join(" ");
        let q = Query::parse_with(&query, matching);
        q.terms().iter().any(|t| !t.negated).then(|| Highlighter {
            text: query.to_string(),
            query: q,
        })
    }

    pub fn query(&self) -> &str {
        &self.text
    }

    /// Whether `text` holds the whole query (as the search would find it),
    /// read no further than its first `MATCH_BYTES`: a screen's rows ask
    /// every frame, and a huge note must cost what a page does.
    pub fn matches(&self, text: &str) -> bool {
        let mut end = text.len().min(MATCH_BYTES);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        search::matching(&[&text[..end]], &self.query)[0]
    }

    /// Char runs of `text` to mark.
    pub fn runs(&self, text: &str) -> Vec<Range<usize>> {
        runs(&search::highlight_text(text, &self.query))
    }

    /// The nodes of `nodes` (a talk's, say) whose text matches the whole
    /// query, in order: finding inside what is shown, without the worker.
    pub fn matching(&self, o: &Outline, nodes: Range<usize>) -> Vec<u32> {
        let nodes = nodes.start.min(o.len())..nodes.end.min(o.len());
        let texts: Vec<&str> = nodes.clone().map(|i| o.text(i)).collect();
        let hit = search::matching(&texts, &self.query);
        nodes.zip(hit).filter(|(_, h)| *h).map(|(i, _)| i as u32).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(text: &str, query: &str) -> Vec<String> {
        let h = Highlighter::new(query).unwrap();
        segments(text, &h.runs(text))
            .into_iter()
            .filter(|(_, m)| *m)
            .map(|(s, _)| s.to_string())
            .collect()
    }

    #[test]
    fn adjacent_positions_merge_into_runs() {
        assert_eq!(runs(&[1, 2, 3, 7, 9, 10]), vec![1..4, 7..8, 9..11]);
        assert_eq!(runs(&[]), Vec::<Range<usize>>::new());
    }

    #[test]
    fn segments_cut_at_char_positions_not_bytes() {
        let text = "café ünïcode riemann";
        let pieces = segments(text, &[3..6, 13..20]);
        assert_eq!(
            pieces,
            vec![("caf", false), ("é ü", true), ("nïcode ", false), ("riemann", true)]
        );
        assert_eq!(pieces.iter().map(|p| p.0).collect::<String>(), text);
        // Runs past the end are cut off; no run, one plain piece.
        assert_eq!(segments("ab", &[1..9, 9..12]), vec![("a", false), ("b", true)]);
        assert_eq!(segments("ab", &[]), vec![("ab", false)]);
    }

    #[test]
    fn marks_what_the_search_matched() {
        assert_eq!(
            marked("I think you could replace statsd with riemann", "riemann"),
            vec!["riemann"]
        );
        assert_eq!(marked("Ünïcode Riemann", "'riemann"), vec!["Riemann"]);
        assert_eq!(marked("réplication lag", "lag répl"), vec!["répl", "lag"]);
        assert!(marked("nothing here", "'zebra").is_empty());
        assert!(Highlighter::new("!only-excluded").is_none());
        assert!(Highlighter::new("  ").is_none());
    }

    #[test]
    fn runs_follow_the_text_onto_its_wrapped_lines() {
        let text = "I think  you could replace statsd with riemann today";
        let h = Highlighter::new("'statsd riemann").unwrap();
        let lines = crate::wrap::wrap(text, 14);
        let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
        let per_line = wrapped_runs(text, &h.runs(text), &refs);
        let marked: Vec<String> = refs
            .iter()
            .zip(&per_line)
            .flat_map(|(l, r)| segments(l, r).into_iter().filter(|p| p.1).map(|p| p.0.to_string()))
            .collect();
        assert_eq!(marked, vec!["statsd", "riemann"], "{lines:?}");
        // A word split across lines keeps its marks on both.
        let long = "xxriemannxx";
        let lines = crate::wrap::wrap(long, 5);
        let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
        let riemann = 2..9;
        let per_line = wrapped_runs(long, std::slice::from_ref(&riemann), &refs);
        assert_eq!(per_line, vec![vec![2..5], vec![0..4], vec![]]);
    }

    #[test]
    fn matching_finds_rows_that_match_the_whole_query() {
        let o = crate::view::hit_tree::tests::outline_of(&[&[0, 1, 1]]);
        // Texts are "d0 n0", "d0 n1", "d0 n2".
        let h = Highlighter::new("'n1").unwrap();
        assert_eq!(h.matching(&o, 0..o.len()), vec![2]);
        let h = Highlighter::new("d0 !'n2").unwrap();
        assert_eq!(h.matching(&o, 1..99), vec![1, 2]);
    }
}
