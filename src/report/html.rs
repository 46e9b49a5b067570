//! The HTML report: one self-contained file an editor opens in a browser. A summary, then per
//! article the aligned paragraphs side by side, one row per aligned group, the values the
//! findings are about highlighted and the findings listed under their group, with a filter
//! by check.
//!
//! Article text is untrusted (a CMS export may hold anything, `<script>` included): every
//! piece of text and every attribute value is escaped, and a Content-Security-Policy allows
//! no network access and runs only the report's own script, named by its SHA-256 hash, so
//! that even markup that slipped through could not run (inline handlers such as `onerror`
//! are not allowed by a hash). Without scripting the report is complete; the filter only
//! hides things.

use super::{display_path, finding_paragraphs, plural, Summary};
use crate::article::CheckedArticle;
use crate::findings::{Check, Finding, Severity};
use crate::input::Document;
use crate::paragraphs::Paragraph;
use std::collections::BTreeMap;
use std::fmt::Write;

const STYLE: &str = r#"
:root { --error: #c62828; --warning: #b26a00; --note: #546e7a; --line: #d7dbe0; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; color: #1d2329; background: #f6f7f9; }
header.top { background: #fff; border-bottom: 1px solid var(--line); padding: 16px 24px; }
h1 { font-size: 20px; margin: 0 0 8px; }
h2 { font-size: 17px; margin: 28px 24px 8px; word-break: break-all; }
.counts { margin: 0 0 8px; }
.counts b.error { color: var(--error); } .counts b.warning { color: var(--warning); }
table.summary { border-collapse: collapse; font-size: 14px; margin-bottom: 8px; }
table.summary th, table.summary td { border: 1px solid var(--line); padding: 2px 10px; text-align: right; }
table.summary th:first-child, table.summary td:first-child { text-align: left; }
.filters { display: none; gap: 14px; flex-wrap: wrap; align-items: center; font-size: 14px; }
html[data-script="ran"] .filters { display: flex; }
.filters label { cursor: pointer; white-space: nowrap; }
table.aligned { width: calc(100% - 48px); margin: 0 24px 24px; border-collapse: collapse; table-layout: fixed; background: #fff; }
table.aligned th { text-align: left; font-size: 13px; color: #56606b; padding: 6px 10px; border-bottom: 2px solid var(--line); }
table.aligned th.n, table.aligned td.n { width: 44px; text-align: right; color: #8a939c; font-size: 12px; }
table.aligned td { vertical-align: top; padding: 8px 10px; border-top: 1px solid var(--line); }
td.text p { margin: 0 0 6px; white-space: pre-wrap; overflow-wrap: anywhere; }
td.text p:last-child { margin-bottom: 0; }
td.text .pn { color: #8a939c; font-size: 11px; margin-right: 4px; user-select: none; }
td.text.empty { color: #8a939c; font-style: italic; }
tbody.flagged tr.paragraphs td { background: #fff8f6; }
tbody.flagged tr.paragraphs td.n { border-left: 4px solid var(--error); }
tbody.flagged.warning-only tr.paragraphs td { background: #fffbf2; }
tbody.flagged.warning-only tr.paragraphs td.n { border-left-color: var(--warning); }
mark { border-radius: 3px; padding: 0 2px; }
mark.error { background: #ffcdd2; box-shadow: inset 0 -2px var(--error); }
mark.warning { background: #ffe9b3; box-shadow: inset 0 -2px var(--warning); }
mark.note { background: #e3e8eb; }
mark.outlier { font-weight: 600; }
mark.off { background: none; box-shadow: none; }
tr.findings td { border-top: 0; padding-top: 0; }
ul.findings { margin: 0; padding: 0; list-style: none; }
li.finding { margin: 2px 0; font-size: 14px; }
.badge { display: inline-block; min-width: 62px; text-align: center; font-size: 11px; font-weight: 600; text-transform: uppercase; color: #fff; border-radius: 3px; padding: 1px 6px; margin-right: 6px; }
.badge.error { background: var(--error); } .badge.warning { background: var(--warning); } .badge.note { background: var(--note); }
li.finding code { background: #eef1f4; padding: 0 4px; border-radius: 3px; font-size: 13px; }
li.finding .where { color: #6b7580; font-size: 12px; margin-left: 6px; }
p.clean { margin: 0 24px; color: #2e7d32; }
[hidden] { display: none !important; }
"#;

/// The filter. It must stay free of inline handlers: the CSP allows this script by hash only.
const SCRIPT: &str = r#"
(function () {
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input[data-filter-check]"));
  var onlyFlagged = document.getElementById("only-flagged");
  function apply() {
    var shown = {};
    boxes.forEach(function (box) { shown[box.getAttribute("data-filter-check")] = box.checked; });
    document.querySelectorAll("li.finding").forEach(function (item) {
      item.hidden = !shown[item.getAttribute("data-check")];
    });
    document.querySelectorAll("mark[data-checks]").forEach(function (mark) {
      var on = mark.getAttribute("data-checks").split(" ").some(function (c) { return shown[c]; });
      mark.classList.toggle("off", !on);
    });
    document.querySelectorAll("tbody.group").forEach(function (group) {
      var visible = group.querySelectorAll("li.finding:not([hidden])");
      var errors = group.querySelectorAll("li.finding.error:not([hidden])");
      group.classList.toggle("flagged", visible.length > 0);
      group.classList.toggle("warning-only", visible.length > 0 && errors.length === 0);
      var list = group.querySelector("tr.findings");
      if (list) { list.hidden = visible.length === 0; }
      group.hidden = onlyFlagged.checked && visible.length === 0;
    });
  }
  boxes.forEach(function (box) { box.addEventListener("change", apply); });
  onlyFlagged.addEventListener("change", apply);
  apply();
  document.documentElement.setAttribute("data-script", "ran");
})();
"#;

/// The report for all articles, a complete HTML document.
pub fn render(articles: &[CheckedArticle]) -> String {
    let summary = Summary::of(articles);
    let mut out = String::with_capacity(64 * 1024);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    let _ = writeln!(
        out,
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; script-src 'sha256-{}'; base-uri 'none'; form-action 'none'\">",
        sha256::base64_digest(SCRIPT.as_bytes())
    );
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"referrer\" content=\"no-referrer\">\n");
    out.push_str("<title>concord report</title>\n");
    let _ = writeln!(out, "<style>{STYLE}</style>\n</head>\n<body>");
    render_summary(&mut out, articles, &summary);
    for article in articles {
        render_article(&mut out, article);
    }
    let _ = writeln!(out, "<script>{SCRIPT}</script>\n</body>\n</html>");
    out
}

/// `(errors, warnings, notes)` per check, over all articles.
fn counts_by_check(articles: &[CheckedArticle]) -> BTreeMap<Check, [usize; 3]> {
    let mut counts: BTreeMap<Check, [usize; 3]> = BTreeMap::new();
    for finding in articles.iter().flat_map(|a| &a.findings) {
        let entry = counts.entry(finding.check).or_default();
        let slot = match finding.severity {
            Severity::Error => 0,
            Severity::Warning => 1,
            Severity::Note => 2,
        };
        if let Some(count) = entry.get_mut(slot) {
            *count += 1;
        }
    }
    counts
}

fn render_summary(out: &mut String, articles: &[CheckedArticle], summary: &Summary) {
    out.push_str("<header class=\"top\">\n<h1>concord report</h1>\n");
    let _ = writeln!(
        out,
        "<p class=\"counts\">{} · <b class=\"error\">{}</b> · <b class=\"warning\">{}</b> · {} · {}</p>",
        plural(summary.articles, "article", "articles"),
        plural(summary.errors, "error", "errors"),
        plural(summary.warnings, "warning", "warnings"),
        plural(summary.notes, "note", "notes"),
        plural(summary.groups, "paragraph group", "paragraph groups"),
    );
    let counts = counts_by_check(articles);
    if !counts.is_empty() {
        out.push_str(
            "<table class=\"summary\"><thead><tr><th>check</th><th>errors</th><th>warnings</th><th>notes</th></tr></thead><tbody>\n",
        );
        for (check, [errors, warnings, notes]) in &counts {
            let _ = writeln!(
                out,
                "<tr data-check=\"{id}\"><td><code>{id}</code></td><td>{errors}</td><td>{warnings}</td><td>{notes}</td></tr>",
                id = escape(check.id()),
            );
        }
        out.push_str("</tbody></table>\n");
    }
    out.push_str("<div class=\"filters\"><span>Show:</span>\n");
    for check in counts.keys() {
        let _ = writeln!(
            out,
            "<label><input type=\"checkbox\" checked data-filter-check=\"{id}\"> {id}</label>",
            id = escape(check.id())
        );
    }
    out.push_str(
        "<label><input type=\"checkbox\" id=\"only-flagged\"> only groups with findings</label>\n</div>\n</header>\n",
    );
}

fn render_article(out: &mut String, article: &CheckedArticle) {
    let _ = writeln!(
        out,
        "<section class=\"article\">\n<h2>{}</h2>",
        escape(&display_path(&article.path))
    );
    if article.findings.is_empty() {
        out.push_str("<p class=\"clean\">No findings.</p>\n");
    }
    out.push_str("<table class=\"aligned\"><thead><tr><th class=\"n\">#</th>");
    for document in &article.documents {
        let _ = write!(
            out,
            "<th lang=\"{code}\">{code} · {file}</th>",
            code = document.lang.code(),
            file = escape(&display_path(&document.path))
        );
    }
    out.push_str("</tr></thead>\n");
    let mut by_group: BTreeMap<usize, Vec<&Finding>> = BTreeMap::new();
    for finding in &article.findings {
        by_group.entry(finding.group).or_default().push(finding);
    }
    let groups = article.alignment.len();
    for (index, group) in article.alignment.iter().enumerate() {
        let findings = by_group.get(&index).map(Vec::as_slice).unwrap_or_default();
        let checks = checks_of(findings);
        let flagged = if findings.is_empty() {
            ""
        } else if findings.iter().any(|f| f.severity == Severity::Error) {
            " flagged"
        } else {
            " flagged warning-only"
        };
        let _ = write!(
            out,
            "<tbody class=\"group{flagged}\" data-checks=\"{}\"><tr class=\"paragraphs\"><td class=\"n\">{}</td>",
            escape(&checks),
            index + 1
        );
        for (d, document) in article.documents.iter().enumerate() {
            let members = group.members.get(d).map(Vec::as_slice).unwrap_or_default();
            render_cell(out, article, document, members);
        }
        out.push_str("</tr>\n");
        if !findings.is_empty() {
            render_findings(out, article, findings);
        }
        out.push_str("</tbody>\n");
    }
    // Findings whose group the alignment does not hold still get listed.
    let stray: Vec<&Finding> = by_group
        .range(groups..)
        .flat_map(|(_, findings)| findings.iter().copied())
        .collect();
    if !stray.is_empty() {
        let _ = write!(
            out,
            "<tbody class=\"group flagged\" data-checks=\"{}\">",
            escape(&checks_of(&stray))
        );
        render_findings(out, article, &stray);
        out.push_str("</tbody>\n");
    }
    out.push_str("</table>\n</section>\n");
}

/// Check ids, space-separated, deduplicated.
fn checks_of(findings: &[&Finding]) -> String {
    let mut checks: Vec<&str> = findings.iter().map(|f| f.check.id()).collect();
    checks.sort_unstable();
    checks.dedup();
    checks.join(" ")
}

fn render_cell(out: &mut String, article: &CheckedArticle, document: &Document, members: &[usize]) {
    let code = document.lang.code();
    if members.is_empty() {
        let _ = write!(
            out,
            "<td class=\"text empty\" lang=\"{code}\">no aligned paragraph</td>"
        );
        return;
    }
    let _ = write!(out, "<td class=\"text\" lang=\"{code}\">");
    for paragraph in members.iter().filter_map(|&i| document.paragraphs.get(i)) {
        let _ = write!(
            out,
            "<p><span class=\"pn\" title=\"line {}\">¶{}</span>",
            paragraph.line(),
            paragraph.number
        );
        render_marked(out, article, document, paragraph);
        out.push_str("</p>");
    }
    out.push_str("</td>");
}

/// A highlighted stretch of a paragraph: the most severe finding decides the color.
#[derive(Clone)]
struct Marking {
    severity: Severity,
    /// The version the finding blames.
    outlier: bool,
    checks: Vec<&'static str>,
}

/// The paragraph's text with every finding span in `<mark>`. Spans may overlap; the text is
/// cut at every span boundary and each piece is marked by all spans covering it, so marks
/// never nest.
fn render_marked(
    out: &mut String,
    article: &CheckedArticle,
    document: &Document,
    paragraph: &Paragraph,
) {
    let chars: Vec<char> = paragraph.text.chars().collect();
    let mut spans: Vec<(usize, usize, Severity, &'static str, bool)> = Vec::new();
    for finding in &article.findings {
        for span in &finding.spans {
            if span.lang == document.lang && span.paragraph == paragraph.number {
                let end = span.end.min(chars.len());
                let start = span.start.min(end);
                if start < end {
                    spans.push((
                        start,
                        end,
                        finding.severity,
                        finding.check.id(),
                        finding.outlier == Some(document.lang),
                    ));
                }
            }
        }
    }
    let mut cuts: Vec<usize> = vec![0, chars.len()];
    cuts.extend(spans.iter().flat_map(|(s, e, _, _, _)| [*s, *e]));
    cuts.sort_unstable();
    cuts.dedup();
    for window in cuts.windows(2) {
        let (from, to) = match window {
            [from, to] => (*from, *to),
            _ => continue,
        };
        let piece: String = chars.get(from..to).unwrap_or_default().iter().collect();
        let mut marking: Option<Marking> = None;
        for (start, end, severity, check, outlier) in &spans {
            if *start <= from && to <= *end {
                let m = marking.get_or_insert(Marking {
                    severity: *severity,
                    outlier: false,
                    checks: Vec::new(),
                });
                m.outlier |= *outlier;
                m.severity = m.severity.min(*severity);
                if !m.checks.contains(check) {
                    m.checks.push(check);
                }
            }
        }
        match marking {
            Some(m) => {
                let _ = write!(
                    out,
                    "<mark class=\"{}{}\" data-checks=\"{}\">{}</mark>",
                    m.severity.name(),
                    if m.outlier { " outlier" } else { "" },
                    escape(&m.checks.join(" ")),
                    escape(&piece)
                );
            }
            None => out.push_str(&escape(&piece)),
        }
    }
}

fn render_findings(out: &mut String, article: &CheckedArticle, findings: &[&Finding]) {
    let _ = write!(
        out,
        "<tr class=\"findings\"><td class=\"n\"></td><td colspan=\"{}\"><ul class=\"findings\">",
        article.documents.len().max(1)
    );
    for finding in findings {
        let severity = finding.severity.name();
        let places: Vec<String> = article
            .documents
            .iter()
            .enumerate()
            .map(|(d, document)| {
                let numbers = finding_paragraphs(article, finding, d);
                let shown = if numbers.is_empty() {
                    "—".to_string()
                } else {
                    numbers
                        .iter()
                        .map(|n| format!("¶{n}"))
                        .collect::<Vec<_>>()
                        .join("+")
                };
                format!("{} {shown}", document.lang.code())
            })
            .collect();
        let _ = write!(
            out,
            "<li class=\"finding {severity}\" data-check=\"{check}\"><span class=\"badge {severity}\">{severity}</span><code>{check}</code> {message}<span class=\"where\">{places}</span></li>",
            check = escape(finding.check.id()),
            message = escape(&finding.message),
            places = escape(&places.join(" · ")),
        );
    }
    out.push_str("</ul></td></tr>\n");
}

/// Text safe in element content and in quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            _ => escaped.push(c),
        }
    }
    escaped
}

/// SHA-256 (FIPS 180-4), for the CSP hash of the report's script: the one place a hash is
/// needed does not justify a dependency.
mod sha256 {
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
        0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
        0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
        0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
        0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
        0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
        0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
        0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2,
    ];

    pub fn digest(data: &[u8]) -> [u8; 32] {
        let mut h: [u32; 8] = [
            0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
            0x5be0cd19,
        ];
        let mut message = data.to_vec();
        message.push(0x80);
        while message.len() % 64 != 56 {
            message.push(0);
        }
        message.extend_from_slice(&((data.len() as u64).wrapping_mul(8)).to_be_bytes());
        for block in message.chunks_exact(64) {
            let mut w = [0u32; 64];
            for (word, bytes) in w.iter_mut().zip(block.chunks_exact(4)) {
                *word = u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
            }
            for i in 16..64 {
                let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
                let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
                w[i] = w[i - 16]
                    .wrapping_add(s0)
                    .wrapping_add(w[i - 7])
                    .wrapping_add(s1);
            }
            let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = h;
            for (k, wi) in K.iter().zip(w.iter()) {
                let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
                let ch = (e & f) ^ (!e & g);
                let t1 = hh
                    .wrapping_add(s1)
                    .wrapping_add(ch)
                    .wrapping_add(*k)
                    .wrapping_add(*wi);
                let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
                let maj = (a & b) ^ (a & c) ^ (b & c);
                let t2 = s0.wrapping_add(maj);
                hh = g;
                g = f;
                f = e;
                e = d.wrapping_add(t1);
                d = c;
                c = b;
                b = a;
                a = t1.wrapping_add(t2);
            }
            for (state, value) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
                *state = state.wrapping_add(value);
            }
        }
        let mut out = [0u8; 32];
        for (bytes, word) in out.chunks_exact_mut(4).zip(h) {
            bytes.copy_from_slice(&word.to_be_bytes());
        }
        out
    }

    /// The digest in standard base64, as CSP hash sources write it.
    pub fn base64_digest(data: &[u8]) -> String {
        const ALPHABET: &[u8; 64] =
            b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let bytes = digest(data);
        let mut encoded = String::with_capacity(44);
        for chunk in bytes.chunks(3) {
            let b = [
                chunk.first().copied().unwrap_or(0),
                chunk.get(1).copied().unwrap_or(0),
                chunk.get(2).copied().unwrap_or(0),
            ];
            let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
            for i in 0..4 {
                if i <= chunk.len() {
                    let index = ((n >> (18 - 6 * i)) & 63) as usize;
                    encoded.push(char::from(ALPHABET[index]));
                } else {
                    encoded.push('=');
                }
            }
        }
        encoded
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixtures;

    #[test]
    fn sha256_matches_the_standard_vectors() {
        let hex =
            |bytes: [u8; 32]| -> String { bytes.iter().map(|b| format!("{b:02x}")).collect() };
        assert_eq!(
            hex(sha256::digest(b"abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            hex(sha256::digest(b"")),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        let long = b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
        assert_eq!(
            hex(sha256::digest(long)),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        );
        assert_eq!(
            sha256::base64_digest(b"abc"),
            "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="
        );
    }

    #[test]
    fn values_are_marked_and_findings_listed_under_their_group() {
        let html = render(&[fixtures::kharkiv()]);
        assert!(
            html.contains("killing <mark class=\"error\" data-checks=\"number\">six</mark> people")
        );
        assert!(html.contains("<mark class=\"error outlier\" data-checks=\"number\">"));
        assert!(html.contains(
            "<li class=\"finding error\" data-check=\"number\"><span class=\"badge error\">error</span><code>number</code> ru says 7 where en and uk say 6"
        ));
        assert!(html.contains("<tbody class=\"group flagged\" data-checks=\"number\">"));
        assert!(html.contains("data-filter-check=\"missing\""));
        assert!(
            html.contains("<tbody class=\"group flagged warning-only\" data-checks=\"missing\">")
        );
        let budget = render(&[fixtures::budget()]);
        assert!(budget.contains("<td class=\"text empty\" lang=\"uk\">no aligned paragraph</td>"));
        assert_eq!(html.matches("<tbody class=\"group").count(), 3);
        assert!(html.contains("<b class=\"error\">1 error</b>"));
    }

    #[test]
    fn article_text_messages_and_paths_are_escaped() {
        let mut article = fixtures::budget();
        let hostile = "<script>alert(1)</script><img src=x onerror=\"alert('1')\"> & more";
        if let Some(document) = article.documents.first_mut() {
            document.path = "samples/<b>x</b>/en.md".into();
            if let Some(paragraph) = document.paragraphs.first_mut() {
                *paragraph = fixtures::paragraph(1, 1, hostile);
            }
        }
        if let Some(finding) = article.findings.first_mut() {
            finding.message = format!("{hostile} message");
            finding.spans.retain(|s| s.lang != crate::lang::Lang::En);
        }
        let html = render(&[article]);
        assert!(!html.contains("<script>alert"));
        assert!(!html.contains("<img"));
        assert!(!html.contains("<b>x</b>"));
        assert!(html.contains(
            "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt; &amp; more"
        ));
        // Only the report's own script element, at the end.
        assert_eq!(html.matches("<script").count(), 1);
        assert!(html.contains("script-src 'sha256-"));
    }

    #[test]
    fn overlapping_spans_do_not_nest_marks() {
        let mut article = fixtures::budget();
        let Some(first) = article.findings.first().cloned() else {
            panic!("the budget fixture has a finding");
        };
        let mut wider = first.clone();
        wider.check = Check::Term;
        wider.severity = Severity::Warning;
        for span in &mut wider.spans {
            span.start = span.start.saturating_sub(3);
            span.end += 2;
        }
        article.findings.push(wider);
        let html = render(&[article]);
        assert!(!html.contains("<mark class=\"error\" data-checks=\"number\"><mark"));
        assert!(
            html.contains("<mark class=\"error outlier\" data-checks=\"number term\">15,3%</mark>")
        );
        assert_eq!(
            html.matches("<mark").count(),
            html.matches("</mark>").count()
        );
    }

    #[test]
    fn no_articles_still_make_a_page() {
        let html = render(&[]);
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(html.contains("0 articles"));
        assert!(html.ends_with("</html>\n"));
    }
}
