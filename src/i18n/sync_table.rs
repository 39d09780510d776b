//! User-facing texts of the live team sync (issue 16): «Настройки» → «Синхронизация», the
//! login dialog, the status in the top bar and the server's refusals. Russian first.

use super::macros::texts;

texts! {
    SyncText;
    Title => "Синхронизация", "Sync";
    Hint => "Необязательно: общий сервер команды (CouchDB). Пока адрес пуст, синхронизации нет и приложение никуда не обращается. Новый адрес начинает действовать после перезагрузки страницы.", "Optional: the team's shared server (CouchDB). While the address is empty there is no sync and the app makes no request anywhere. A new address takes effect after the page reloads.";
    Server => "Адрес сервера", "Server address";
    Database => "База данных", "Database";
    Save => "Сохранить", "Save";
    Saved => "Сохранено", "Saved";
    BadServer => "Адрес сервера — только https://имя[:порт] (или http://), без пути.", "The server address is https://host[:port] (or http://) only, no path.";
    BadDatabase => "Имя базы: строчные латинские буквы, цифры и _ $ ( ) + - /, первая — буква.", "Database name: lower-case Latin letters, digits and _ $ ( ) + - /, a letter first.";
    ReloadNeeded => "Адрес изменён: перезагрузите страницу, чтобы он начал действовать.", "The address changed: reload the page for it to take effect.";
    Reload => "Перезагрузить", "Reload";
    LoggedInAs => "Вы вошли как {}", "Logged in as {}";
    NotLoggedIn => "Вход не выполнен.", "Not logged in.";
    LogIn => "Войти", "Log in";
    LogOut => "Выйти", "Log out";
    SyncNow => "Синхронизировать сейчас", "Sync now";
    LoginTitle => "Вход на сервер команды", "Log in to the team server";
    LoginHint => "Имя и пароль выдаёт директор. Пароль не сохраняется на устройстве.", "The director gives you a name and password. The password is not stored on the device.";
    UserName => "Имя пользователя", "User name";
    Password => "Пароль", "Password";
    Cancel => "Отмена", "Cancel";
    WrongPassword => "Неверное имя или пароль.", "Wrong name or password.";
    NoServer => "Сервер не отвечает. Проверьте сеть и адрес.", "The server does not answer. Check the network and the address.";
    StatusSynced => "Синхронизировано {}", "Synced {}";
    StatusSyncing => "Синхронизация…", "Syncing…";
    StatusOffline => "Нет сети — изменения сохранены на устройстве", "Offline — changes are kept on the device";
    StatusLoginFailed => "Ошибка входа", "Login failed";
    StatusFailed => "Ошибка синхронизации", "Sync error";
    Refused => "Сервер не принял изменение: {}", "The server refused a change: {}";
    RefusedKept => "Ваше изменение сохранено отдельно (см. «Настройки» → «Синхронизация»).", "Your change is kept aside (see «Settings» → «Sync»).";
    Understood => "Понятно", "OK";
    SetAsideTitle => "Не принято сервером", "Refused by the server";
    ReadOnlyOwner => "Владелец — {}: изменить может владелец или директор", "Owned by {}: only the owner or the director can change it";
    ReadOnlyDirector => "Это меняет только директор — вы можете посмотреть.", "Only the director changes this — you can view it.";
    ReadOnlyRoster => "Состав команды меняет только директор — вы можете посмотреть.", "Only the director changes the team — you can view it.";
    ReadOnlyNoRole => "У пользователя нет роли в команде — только просмотр.", "The user has no role in the team — view only.";
    ReadOnlyNotLinked => "Пользователь не связан с сотрудником команды — только просмотр.", "The user is not linked to a team member — view only.";
    NotOnRoster => "Пользователь {} не найден в составе команды — попросите директора добавить его.", "User {} is not on the team roster — ask the director to add them.";
    NotOnRosterDirector => "Пользователь {} не найден в составе команды. Вы директор — добавьте себя.", "User {} is not on the team roster. You are the director — add yourself.";
    WhoAmILogIn => "Кто вы, скажет сервер команды: войдите под своим именем.", "The team server says who you are: log in with your name.";
    ViewOnlyBanner => "Только просмотр: пользователь {} не найден в составе команды.", "View only: user {} is not on the team roster.";
    ViewReadOnly => "Смотреть без изменений", "View read-only";
    ImportDirectorOnly => "Включена синхронизация: команда обменивается данными через сервер, и загрузить файл может только директор — сервер не примет из файла чужие записи и настройки. Файл можно посмотреть.", "Sync is on: the team shares its data through the server, and only the director can import a file — the server would refuse the other people's records and the settings in it. You can still look at the file.";
    BoardColleagues => "Сделки коллег здесь только для просмотра: двигать и закрывать их может владелец или директор.", "Colleagues' deals are here to view: only their owner or the director can move or close them.";
    StateReset => "Состояние синхронизации не прочиталось — всё загружается с сервера заново.", "The sync state could not be read — everything is pulled from the server again.";
    ServerError => "Сервер ответил ошибкой — попробуйте позже.", "The server answered with an error — try again later.";
    ConnectTeam => "Подключиться к серверу команды", "Connect to the team server";
}

/// The top bar during a long sync: «Синхронизация: 34 000 из 115 148 документов», «Syncing:
/// 34,000 of 115,148 documents».
pub fn sync_progress(lang: super::Lang, done: usize, total: usize) -> String {
    let group = match lang {
        super::Lang::Ru => '\u{a0}',
        super::Lang::En => ',',
    };
    let grouped = |n: usize| {
        let digits = n.to_string();
        let mut out = String::new();
        for (i, digit) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(group);
            }
            out.push(digit);
        }
        out
    };
    let text = super::Plural::SyncProgress;
    super::plural(lang, text, total as u64, &[&grouped(done), &grouped(total)])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn the_progress_groups_digits_and_follows_the_total() {
        assert_eq!(
            sync_progress(Lang::Ru, 34_000, 115_148),
            "Синхронизация: 34\u{a0}000 из 115\u{a0}148 документов"
        );
        assert_eq!(
            sync_progress(Lang::Ru, 1_000, 2_021),
            "Синхронизация: 1\u{a0}000 из 2\u{a0}021 документа"
        );
        assert_eq!(
            sync_progress(Lang::En, 34_000, 115_148),
            "Syncing: 34,000 of 115,148 documents"
        );
    }
}
