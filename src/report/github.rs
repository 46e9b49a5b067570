//! GitHub Actions workflow commands: one annotation per finding, shown on the pull request's
//! diff and in the run summary.
//!
//! ```text
//! ::error file=articles/a/ru.txt,line=27,col=102,title=concord number::ru says 7 where en and uk say 6
//! ```
//!
//! Errors become `::error`, warnings `::warning`, notes `::notice`. A finding is located in the
//! file of the version that disagrees, as in SARIF (see [`super::sarif`]). Nothing else is
//! written, not even a summary: every line is an annotation, and the exit code says whether
//! the run failed. Values are escaped as the Actions toolkit escapes them (`%`, CR and LF
//! everywhere; `:` and `,` also inside properties), so a message or a path cannot end a
//! command early or forge another.

use super::display_path;
use super::sarif::{locate, primary_document};
use crate::article::CheckedArticle;
use crate::findings::{Finding, Severity};

/// One workflow command per finding, each ending with a newline; empty without findings.
pub fn render(articles: &[CheckedArticle]) -> String {
    articles
        .iter()
        .flat_map(|article| article.findings.iter().map(move |f| command(article, f)))
        .collect()
}

fn command(article: &CheckedArticle, finding: &Finding) -> String {
    let name = match finding.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "notice",
    };
    let mut properties = Vec::new();
    if let Some(place) =
        primary_document(article, finding).and_then(|d| locate(article, finding, d))
    {
        properties.push(format!(
            "file={}",
            escape_property(&display_path(place.path))
        ));
        properties.push(format!("line={}", place.line));
        properties.push(format!("col={}", place.column));
    }
    let title = format!("concord {}", finding.check.id());
    properties.push(format!("title={}", escape_property(&title)));
    format!(
        "::{name} {}::{}\n",
        properties.join(","),
        escape_data(&finding.message)
    )
}

/// The message after `::`, as `escapeData` in @actions/core escapes it.
pub fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A property value, as `escapeProperty` in @actions/core escapes it.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixtures;
    use std::path::PathBuf;

    #[test]
    fn the_budget_finding_is_one_error_on_the_russian_file() {
        assert_eq!(
            render(&[fixtures::budget()]),
            "::error file=samples/budget/ru.md,line=1,col=95,title=concord number::\
             ru says 15.3%25 where en and uk say 13.5%25\n"
        );
    }

    #[test]
    fn paths_and_messages_cannot_break_out_of_the_command() {
        let mut article = fixtures::budget();
        article.documents[2].path = PathBuf::from("news/Kyiv, 2024: budget/ru.md");
        article.findings[0].message = "ru says 15.3%\nwhere en: 13.5%, uk: 13,5%".to_string();
        assert_eq!(
            render(&[article]),
            "::error file=news/Kyiv%2C 2024%3A budget/ru.md,line=1,col=95,title=concord number::\
             ru says 15.3%25%0Awhere en: 13.5%25, uk: 13,5%25\n"
        );
    }

    #[test]
    fn warnings_and_notes_have_their_own_commands() {
        let mut article = fixtures::kharkiv();
        article.findings[0].severity = Severity::Note;
        let output = render(&[article]);
        let lines: Vec<&str> = output.lines().collect();
        assert_eq!(
            lines,
            [
                "::notice file=samples/x/ru.txt,line=3,col=81,title=concord number::ru says 7 where en and uk say 6",
                "::warning file=samples/x/ru.txt,line=5,col=1,title=concord missing::ru does not mention 12, which en and uk state",
            ]
        );
    }
}
