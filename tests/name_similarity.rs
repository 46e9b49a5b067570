//! `name-similarity` in `concord.toml` and `--name-similarity`: how alike two spellings must
//! be to be one name. Real surnames that part after a shared start decide it: "Марченко" /
//! "Мартыненко" (0.845 between their transliterations) and "Бабаєв" / "Бабанов" (0.91).

use assert_cmd::Command;
use predicates::prelude::*;
use std::fs;
use std::path::Path;
use tempfile::TempDir;

fn concord() -> Command {
    let mut cmd = Command::cargo_bin("concord").unwrap_or_else(|e| panic!("{e}"));
    cmd.env_remove("NO_COLOR").env_remove("CI");
    cmd.args(["check", "--color", "never"]);
    cmd
}

fn write(path: &Path, text: &str) {
    if let Some(folder) = path.parent() {
        fs::create_dir_all(folder).unwrap_or_else(|e| panic!("{e}"));
    }
    fs::write(path, text).unwrap_or_else(|e| panic!("{e}"));
}

/// An article folder `folder` (relative to `root`) with the three versions.
fn article(root: &Path, folder: &str, [en, uk, ru]: [&str; 3]) {
    for (lang, text) in [("en", en), ("uk", uk), ("ru", ru)] {
        write(&root.join(folder).join(format!("{lang}.txt")), text);
    }
}

fn temp() -> TempDir {
    TempDir::new().unwrap_or_else(|e| panic!("{e}"))
}

/// The Russian version names another deputy minister: Мартыненко for Марченко.
const MARCHENKO: [&str; 3] = [
    "Deputy Defence Minister Ivan Marchenko said on Tuesday that the first new air defence \
     systems would reach Kharkiv before the end of March. He did not say how many.\n",
    "Заступник міністра оборони Іван Марченко заявив у вівторок, що перші нові системи \
     протиповітряної оборони надійдуть до Харкова до кінця березня. Скільки саме, він не \
     уточнив.\n",
    "Заместитель министра обороны Иван Мартыненко заявил во вторник, что первые новые системы \
     противовоздушной обороны поступят в Харьков до конца марта. Сколько именно, он не \
     уточнил.\n",
];

/// The Russian version names another head of the administration: Бабанов for Бабаєв.
const BABAIEV: [&str; 3] = [
    "The head of the town's military administration, Oleh Babaiev, said two people were \
     wounded when Russian shells hit Izium on Sunday morning.\n",
    "Начальник міської військової адміністрації Олег Бабаєв повідомив, що в неділю вранці \
     внаслідок російського обстрілу Ізюма поранено двох людей.\n",
    "Начальник городской военной администрации Олег Бабанов сообщил, что в воскресенье утром \
     в результате российского обстрела Изюма ранены два человека.\n",
];

#[test]
fn a_close_surname_is_reported_by_default_and_accepted_when_lenient() {
    let dir = temp();
    article(dir.path(), "story", MARCHENKO);
    let swapped = "ru says Иван Мартыненко where en and uk say Ivan Marchenko";
    concord()
        .arg("story")
        .current_dir(dir.path())
        .assert()
        .code(1)
        .stdout(predicate::str::contains("error[name]"))
        .stdout(predicate::str::contains(swapped));
    // A newsroom that accepts looser spellings takes the two for one name.
    write(
        &dir.path().join("concord.toml"),
        "fail-on = \"error\"\nname-similarity = 0.8\n",
    );
    concord()
        .arg("story")
        .current_dir(dir.path())
        .assert()
        .code(0)
        .stdout(predicate::str::contains("[name]").not());
    // The flag wins over the file.
    concord()
        .args(["--name-similarity", "0.88", "story"])
        .current_dir(dir.path())
        .assert()
        .code(1)
        .stdout(predicate::str::contains(swapped));
}

#[test]
fn raising_the_setting_tells_close_surnames_apart_in_an_archive_audit() {
    let dir = temp();
    article(dir.path(), "archive/2024/11/izium-shelling", BABAIEV);
    article(dir.path(), "archive/2024/11/air-defence", MARCHENKO);
    let swapped = "ru says Олег Бабанов where en and uk say Oleh Babaiev";
    // At the default, "babaev" / "babanov" (0.91) are one name; Мартыненко is reported.
    concord()
        .arg("archive")
        .current_dir(dir.path())
        .assert()
        .code(1)
        .stdout(predicate::str::contains("Мартыненко"))
        .stdout(predicate::str::contains("Бабанов").not());
    write(&dir.path().join("concord.toml"), "name-similarity = 0.95\n");
    concord()
        .arg("archive")
        .current_dir(dir.path())
        .assert()
        .code(1)
        .stdout(predicate::str::contains(swapped))
        .stdout(predicate::str::contains("Мартыненко"));
    // The flag wins over the file, in both directions.
    concord()
        .args(["--name-similarity", "0.88", "archive"])
        .current_dir(dir.path())
        .assert()
        .code(1)
        .stdout(predicate::str::contains("Бабанов").not());
    concord()
        .args(["--name-similarity", "0.8", "archive"])
        .current_dir(dir.path())
        .assert()
        .code(0)
        .stdout(predicate::str::contains("[name]").not());
}

#[test]
fn an_out_of_range_flag_is_bad_usage() {
    let dir = temp();
    article(dir.path(), "story", MARCHENKO);
    for value in ["1.5", "0", "-0.2", "88", "NaN", "high", ""] {
        concord()
            .arg(format!("--name-similarity={value}"))
            .arg("story")
            .current_dir(dir.path())
            .assert()
            .code(2)
            .stdout(predicate::str::is_empty())
            .stderr(predicate::str::contains("--name-similarity"))
            .stderr(predicate::str::contains("above 0 and at most 1"));
    }
}

#[test]
fn a_bad_setting_in_the_configuration_is_bad_input_with_its_line() {
    let dir = temp();
    article(dir.path(), "story", MARCHENKO);
    let config = dir.path().join("concord.toml");
    for (text, at) in [
        (
            "fail-on = \"error\"\n\nname-similarity = 1.2\n",
            "concord.toml:3",
        ),
        ("name-similarity = 0\n", "concord.toml:1"),
        (
            "source = \"uk\"\nname-similarity = \"0.9\"\n",
            "concord.toml:2",
        ),
    ] {
        write(&config, text);
        concord()
            .arg("story")
            .current_dir(dir.path())
            .assert()
            .code(2)
            .stdout(predicate::str::is_empty())
            .stderr(predicate::str::contains(at));
    }
    // Even when the flag would override it: a broken file is never silently ignored.
    concord()
        .args(["--name-similarity", "0.9", "story"])
        .current_dir(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("concord.toml:2"));
}
