//! The snapshot's file name: who exported it and when, in plain ASCII so it survives any file
//! system, mail client or archive tool.

use chrono::NaiveDate;

/// The Latin spelling of one Russian letter (lower case), after the common passport style:
/// «ж» → `zh`, «х» → `kh`, «ц» → `ts`, «щ» → `shch`; the hard and soft signs vanish.
fn latin(c: char) -> Option<&'static str> {
    Some(match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'д' => "d",
        'е' | 'ё' | 'э' => "e",
        'ж' => "zh",
        'з' => "z",
        'и' => "i",
        'й' | 'ы' => "y",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' | 'ь' => "",
        'ю' => "yu",
        'я' => "ya",
        // Accented Latin letters of colleagues' names fold to their base letter.
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => "a",
        'ç' => "c",
        'è' | 'é' | 'ê' | 'ë' => "e",
        'ì' | 'í' | 'î' | 'ï' => "i",
        'ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => "o",
        'ù' | 'ú' | 'û' | 'ü' => "u",
        'ý' | 'ÿ' => "y",
        'ß' => "ss",
        _ => return None,
    })
}

/// A name as a file-name slug: Cyrillic transliterated, ASCII letters and digits kept in lower
/// case, everything else a single hyphen, no hyphen at either end. «Иван Петров» → `ivan-petrov`.
pub fn transliterate(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut gap = false;
    for c in name.chars().flat_map(char::to_lowercase) {
        let piece = if c.is_ascii_alphanumeric() {
            Some(c.to_string())
        } else {
            latin(c).map(str::to_owned)
        };
        match piece {
            // A sign inside a word («Ольга») leaves no trace and no gap.
            Some(p) if p.is_empty() => {}
            Some(p) => {
                if gap && !out.is_empty() {
                    out.push('-');
                }
                gap = false;
                out.push_str(&p);
            }
            None => gap = true,
        }
    }
    out
}

/// `salesdesk-<who>-<YYYY-MM-DD>.json`; `who` is the exporting member's name transliterated, or
/// `team` when nobody is signed in (or the name has no letters or digits).
pub fn snapshot_file_name(who: Option<&str>, date: NaiveDate) -> String {
    let slug = who.map(transliterate).filter(|s| !s.is_empty());
    format!(
        "salesdesk-{}-{}.json",
        slug.as_deref().unwrap_or("team"),
        date.format("%Y-%m-%d")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 10).unwrap()
    }

    #[test]
    fn russian_names_become_ascii_slugs() {
        assert_eq!(
            snapshot_file_name(Some("Иван Петров"), day()),
            "salesdesk-ivan-petrov-2026-03-10.json"
        );
        assert_eq!(transliterate("Ольга Смирнова"), "olga-smirnova");
        assert_eq!(
            transliterate("Щукин Жорж Хлебников"),
            "shchukin-zhorzh-khlebnikov"
        );
        assert_eq!(
            transliterate("Семёнов-Тян-Шанский"),
            "semenov-tyan-shanskiy"
        );
        assert_eq!(transliterate("Юлия Цой"), "yuliya-tsoy");
        assert_eq!(transliterate("  John  O'Neil 2 "), "john-o-neil-2");
        assert_eq!(transliterate("Ёлкин Эдуард Ъ"), "elkin-eduard");
    }

    #[test]
    fn nobody_or_no_letters_is_the_team() {
        assert_eq!(
            snapshot_file_name(None, day()),
            "salesdesk-team-2026-03-10.json"
        );
        assert_eq!(
            snapshot_file_name(Some("  ★ "), day()),
            "salesdesk-team-2026-03-10.json"
        );
        assert_eq!(
            snapshot_file_name(Some("José Müller"), day()),
            "salesdesk-jose-muller-2026-03-10.json"
        );
    }
}
