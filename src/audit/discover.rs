//! Finding the article folders of an archive.
//!
//! A folder below the archive root that holds a language file (as
//! [`input::discover::language_file`](crate::input::discover::language_file) recognises
//! them) is an article folder: it is checked as a whole and not searched further. A folder
//! with a single language file is an article too, a broken one, so that the audit reports it
//! instead of passing over a translation that was never added. Hidden folders (`.git`) are
//! skipped. Symbolic links to folders are followed; a link that leads back to a folder it
//! is in is reported and not followed, and a folder reached twice is checked once.

use crate::input::discover::language_file;
use crate::ConcordError;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// What a walk over an archive found, sorted by path.
#[derive(Debug, Default)]
pub struct Archive {
    pub articles: Vec<PathBuf>,
    /// Folders that could not be read, and symbolic link loops.
    pub problems: Vec<ConcordError>,
}

/// Whether `dir` holds a language file itself: then it is an article, not an archive.
pub fn holds_language_files(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|entry| language_file(&entry.path()).is_some() && entry.path().is_file())
    })
}

/// Every article folder below `root` (not `root` itself).
pub fn find_articles(root: &Path) -> Archive {
    let mut walk = Walk::default();
    walk.folder(root, true);
    walk.archive.articles.sort();
    walk.archive.problems.sort_by(|a, b| a.path.cmp(&b.path));
    walk.archive
}

#[derive(Default)]
struct Walk {
    archive: Archive,
    /// Resolved paths of the folders being walked, outermost first: a link to one of them
    /// is a loop.
    ancestors: Vec<PathBuf>,
    visited: HashSet<PathBuf>,
}

impl Walk {
    fn folder(&mut self, dir: &Path, is_root: bool) {
        let resolved = match std::fs::canonicalize(dir) {
            Ok(resolved) => resolved,
            Err(e) => {
                self.problem(dir, format!("cannot open the folder: {e}"));
                return;
            }
        };
        if let Some(ancestor) = self.ancestors.iter().find(|a| **a == resolved) {
            let message = format!(
                "symbolic link loop: leads back to {}, not followed",
                ancestor.display()
            );
            self.problem(dir, message);
            return;
        }
        if !self.visited.insert(resolved.clone()) {
            return;
        }
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => {
                self.problem(dir, format!("cannot list the folder: {e}"));
                return;
            }
        };
        let mut subfolders = Vec::new();
        let mut is_article = false;
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    self.problem(dir, format!("cannot list the folder: {e}"));
                    continue;
                }
            };
            let path = entry.path();
            if path.is_dir() {
                let hidden = entry.file_name().to_string_lossy().starts_with('.');
                if !hidden {
                    subfolders.push(path);
                }
            } else if language_file(&path).is_some() && path.is_file() {
                is_article = true;
            }
        }
        if is_article && !is_root {
            self.archive.articles.push(dir.to_path_buf());
            return;
        }
        subfolders.sort();
        self.ancestors.push(resolved);
        for subfolder in &subfolders {
            self.folder(subfolder, false);
        }
        self.ancestors.pop();
    }

    fn problem(&mut self, dir: &Path, message: String) {
        self.archive
            .problems
            .push(ConcordError::in_file(dir, message));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn write(root: &Path, file: &str) {
        let path = root.join(file);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).unwrap();
        }
        fs::write(path, "Київ, 5 травня.\n").unwrap();
    }

    fn relative(root: &Path, paths: &[PathBuf]) -> Vec<String> {
        paths
            .iter()
            .map(|p| p.strip_prefix(root).unwrap().to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn finds_article_folders_at_any_depth_sorted() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for file in [
            "2024/10/isw/en.txt",
            "2024/10/isw/uk.txt",
            "2024/02/budget/uk.md",
            "2024/02/budget/ru.md",
            "2024/02/budget/photos/en.txt",
            "2023/only-english/en.txt",
            "2023/notes/README.txt",
            ".git/en.txt",
            ".git/uk.txt",
        ] {
            write(root, file);
        }
        let archive = find_articles(root);
        assert_eq!(
            relative(root, &archive.articles),
            ["2023/only-english", "2024/02/budget", "2024/10/isw"]
        );
        assert!(archive.problems.is_empty(), "{:?}", archive.problems);
        assert!(!holds_language_files(root));
        assert!(holds_language_files(&root.join("2024/10/isw")));
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_loop_is_reported_once_and_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(root, "news/a/en.txt");
        write(root, "news/a/uk.txt");
        std::os::unix::fs::symlink(root.join("news"), root.join("news/again")).unwrap();
        // A second way into the same article is not a loop: it is checked once.
        std::os::unix::fs::symlink(root.join("news/a"), root.join("alias")).unwrap();
        let archive = find_articles(root);
        assert_eq!(relative(root, &archive.articles), ["alias"]);
        assert_eq!(archive.problems.len(), 1, "{:?}", archive.problems);
        let loop_problem = &archive.problems[0];
        assert_eq!(
            loop_problem.path.as_deref(),
            Some(root.join("news/again").as_path())
        );
        assert!(loop_problem.message.contains("symbolic link loop"));
    }
}
