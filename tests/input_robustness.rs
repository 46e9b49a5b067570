//! Text of any shape must come out as paragraphs or a clear error, never a panic, and every
//! character of every paragraph must point at a real place in the file.

use concord::input::decode::decode;
use concord::paragraphs::{split, Format, Paragraph};
use std::path::Path;

/// A small deterministic generator, so that a failure can be reproduced.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Pieces that stress Markdown, line handling and normalization.
const PIECES: &[&str] = &[
    "Київ",
    "13,5",
    "10\u{a0}000",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\t",
    "*",
    "**",
    "_",
    "`",
    "```",
    "~~~",
    "[",
    "]",
    "(",
    ")",
    "![",
    "<",
    ">",
    "> ",
    "- ",
    "1. ",
    "#",
    "# ",
    "|",
    "---",
    "\\",
    "&amp;",
    "&#1111;",
    "&nbsp;",
    "<br>",
    "<div>",
    "\u{200f}",
    "\u{feff}",
    "\u{ad}",
    "и\u{306}",
    "\u{306}",
    "«",
    "»",
    "—",
    "’",
    "ʼ",
    "\u{2028}",
    "\u{85}",
    "\u{0}",
    "😀",
    "\u{10ffff}",
    "    ",
];

fn check_paragraphs(text: &str, paragraphs: &[Paragraph]) {
    let lines: Vec<usize> = text.split('\n').map(|l| l.chars().count()).collect();
    for (i, paragraph) in paragraphs.iter().enumerate() {
        assert_eq!(paragraph.number, i + 1);
        assert!(!paragraph.text.is_empty());
        assert_eq!(
            paragraph.origins.len(),
            paragraph.text.chars().count(),
            "{text:?}"
        );
        for pos in &paragraph.origins {
            let length = lines.get(pos.line.wrapping_sub(1)).copied();
            assert!(
                length.is_some_and(|len| pos.column >= 1 && pos.column <= len + 1),
                "{pos:?} outside {text:?}"
            );
        }
    }
}

#[test]
fn random_markup_never_panics_and_origins_stay_inside_the_file() {
    let mut rng = Lcg(2024);
    for _ in 0..2_000 {
        let length = rng.below(40);
        let text: String = (0..length)
            .map(|_| PIECES[rng.below(PIECES.len())])
            .collect();
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        for format in [Format::Plain, Format::Markdown] {
            check_paragraphs(&text, &split(&text, format));
        }
    }
}

#[test]
fn random_bytes_decode_or_fail_cleanly() {
    let mut rng = Lcg(7);
    for round in 0..2_000 {
        let length = rng.below(64);
        let high_bytes_only = round % 2 == 0;
        let bytes: Vec<u8> = (0..length)
            .map(|_| {
                let byte = rng.below(256) as u8;
                if high_bytes_only && byte < 0x80 && byte != b' ' {
                    byte | 0x80
                } else {
                    byte
                }
            })
            .collect();
        match decode(Path::new("uk.txt"), &bytes, None) {
            Ok(decoded) => {
                assert!(!decoded.text.contains('\r'));
                for format in [Format::Plain, Format::Markdown] {
                    check_paragraphs(&decoded.text, &split(&decoded.text, format));
                }
            }
            Err(error) => {
                assert_eq!(error.path.as_deref(), Some(Path::new("uk.txt")));
                assert!(!error.to_string().contains('\n'), "one line: {error}");
                if let Some(offset) = error.byte_offset {
                    assert!(offset <= bytes.len());
                }
            }
        }
    }
}

#[test]
fn huge_single_line_paragraph_is_linear() {
    // 200,000 emphasized words on one line: positions are counted on from the last one, not
    // from the line start each time.
    let text = "*Київ* 13,5 ".repeat(200_000);
    let started = std::time::Instant::now();
    let paragraphs = split(&text, Format::Markdown);
    assert_eq!(paragraphs.len(), 1);
    let last = paragraphs[0].origins.last().copied().unwrap();
    assert_eq!(last.column, text.trim_end().chars().count());
    assert!(
        started.elapsed().as_secs() < 30,
        "took {:?}",
        started.elapsed()
    );
}
