//! Joining outlines built apart (one per file, each on the core that
//! parsed it) into the one outline the reader shows.

use rayon::prelude::*;

use super::styles::Styles;
use super::{DocInfo, Kind, Node, Outline, NO_PARENT};

impl Outline {
    /// Joins outlines built apart (one per file, on all cores) into one, in
    /// order: each part's node indices and text offsets shift by the size of
    /// what precedes it. The copying is split by part over all cores too: at
    /// a million bullets it is ~100 MB, mostly page faults of the new buffers.
    pub fn concat(mut parts: Vec<Outline>) -> Outline {
        let mut starts = Vec::with_capacity(parts.len());
        let (mut nodes, mut text) = (0, 0);
        for p in &parts {
            starts.push((nodes as u32, text as u32));
            nodes += p.nodes.len();
            text += p.text.len();
        }
        // Zeroed memory comes from the allocator untouched, so the pages are
        // first touched by the parallel copies below.
        let mut text_buf = vec![0u8; text];
        let mut node_buf = vec![
            Node {
                text_start: 0,
                text_len: 0,
                parent: NO_PARENT,
                end: 0,
                line: 0,
                depth: 0,
                session: NO_PARENT,
                kind: Kind::Document,
            };
            nodes
        ];
        let (mut text_rest, mut node_rest) = (text_buf.as_mut_slice(), node_buf.as_mut_slice());
        let mut jobs = Vec::with_capacity(parts.len());
        for (p, &start) in parts.iter().zip(&starts) {
            let (t, t_rest) = std::mem::take(&mut text_rest).split_at_mut(p.text.len());
            let (n, n_rest) = std::mem::take(&mut node_rest).split_at_mut(p.nodes.len());
            (text_rest, node_rest) = (t_rest, n_rest);
            jobs.push((p, start, t, n));
        }
        jobs.into_par_iter().for_each(|(p, (node0, text0), t, n)| {
            t.copy_from_slice(p.text.as_bytes());
            for (out, n) in n.iter_mut().zip(&p.nodes) {
                *out = Node {
                    text_start: n.text_start + text0,
                    parent: if n.parent == NO_PARENT {
                        NO_PARENT
                    } else {
                        n.parent + node0
                    },
                    end: n.end + node0,
                    session: if n.session == NO_PARENT {
                        NO_PARENT
                    } else {
                        n.session + node0
                    },
                    ..*n
                };
            }
        });
        // Styles are few beside the text: joined on one core.
        let mut styles = Styles {
            spans: Vec::with_capacity(parts.iter().map(|p| p.styles.spans.len()).sum()),
            links: Vec::with_capacity(parts.iter().map(|p| p.styles.links.len()).sum()),
        };
        for (p, &(_, text0)) in parts.iter_mut().zip(&starts) {
            let links0 = styles.links.len() as u32;
            styles.spans.extend(p.styles.shifted_spans(text0, links0));
            styles.links.append(&mut p.styles.links);
        }
        let docs = parts
            .into_iter()
            .zip(&starts)
            .flat_map(|(p, &(node0, _))| {
                p.docs.into_iter().map(move |d| DocInfo {
                    node: d.node + node0 as usize,
                    ..d
                })
            })
            .collect();
        Outline {
            nodes: node_buf,
            // SAFETY: every byte was copied above from a part's text, each a
            // whole `String`, placed end to end: valid UTF-8 throughout.
            // Checking again would read ~70 MB at 1M bullets on one core,
            // after the parallel copy.
            text: unsafe { String::from_utf8_unchecked(text_buf) },
            docs,
            styles: Box::new(styles),
            // Found on the whole outline when first asked.
            same: Default::default(),
        }
    }
}
