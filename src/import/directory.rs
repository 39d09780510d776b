//! Looking up what a file's rows name among the records of the workspace (and those the import
//! is about to create): clients by ИНН first, then by exact name; team members by name;
//! products by name, then by article; groups by name.

use super::identity::name_key;
use super::rows::ClientFields;
use crate::domain::client::Client;
use crate::domain::ids::Id;
use crate::domain::workspace::Workspace;
use std::collections::HashMap;

/// The records a file's rows can refer to, indexed by how rows name them.
#[derive(Debug, Default)]
pub struct Directory {
    clients_by_inn: HashMap<String, Id>,
    clients_by_name: HashMap<String, Vec<(Id, Option<String>)>>,
    client_inns: HashMap<Id, Option<String>>,
    members: Vec<(Vec<String>, Id)>,
    products: HashMap<String, Id>,
    groups: HashMap<String, Id>,
}

impl Directory {
    /// The index of the workspace's clients, team, products and groups.
    pub fn new(ws: &Workspace) -> Directory {
        let mut dir = Directory::default();
        for client in &ws.clients {
            dir.add_client(client);
        }
        for member in &ws.members {
            dir.members.push((words(&member.name), member.id.clone()));
        }
        for product in &ws.products {
            dir.add_product(&product.name, &product.id);
        }
        for group in &ws.product_groups {
            dir.add_group(&group.name, &group.id);
        }
        dir
    }

    /// Makes a client findable (one of the workspace's, or one the import creates).
    pub fn add_client(&mut self, client: &Client) {
        if let Some(inn) = &client.inn {
            self.clients_by_inn
                .entry(inn.clone())
                .or_insert(client.id.clone());
        }
        self.clients_by_name
            .entry(name_key(&client.name))
            .or_default()
            .push((client.id.clone(), client.inn.clone()));
        self.client_inns
            .insert(client.id.clone(), client.inn.clone());
    }

    /// The client a row means: the one with its ИНН, else one with its exact name (compared as
    /// [`name_key`] does) whose ИНН does not say it is another company.
    pub fn find_client(&self, fields: &ClientFields) -> Option<Id> {
        if let Some(id) = fields
            .inn
            .as_ref()
            .and_then(|inn| self.clients_by_inn.get(inn))
        {
            return Some(id.clone());
        }
        if fields.name.is_empty() {
            return None;
        }
        let candidates = self.clients_by_name.get(&name_key(&fields.name))?;
        candidates
            .iter()
            .find(|(_, inn)| inn.is_none() || fields.inn.is_none() || *inn == fields.inn)
            .map(|(id, _)| id.clone())
    }

    /// The ИНН of a known client.
    pub fn client_inn(&self, id: &Id) -> Option<&str> {
        self.client_inns.get(id).and_then(|inn| inn.as_deref())
    }

    /// The team member with this name: the same words in any order, so «Петров Иван» (as 1C
    /// writes people) is «Иван Петров»; a single word matches a member with that surname or
    /// first name only when exactly one member has it.
    pub fn find_member(&self, name: &str) -> Option<Id> {
        let wanted = words(name);
        if wanted.is_empty() {
            return None;
        }
        if let Some((_, id)) = self.members.iter().find(|(w, _)| *w == wanted) {
            return Some(id.clone());
        }
        // «Петров И. В.»: the surname and initials of a member.
        let initials_of = |w: &[String]| -> Vec<String> {
            w.iter()
                .filter_map(|x| x.chars().next())
                .map(String::from)
                .collect()
        };
        let found: Vec<&Id> = self
            .members
            .iter()
            .filter(|(w, _)| {
                wanted.iter().all(|x| {
                    w.contains(x) || (x.chars().count() == 1 && initials_of(w).contains(x))
                })
            })
            .map(|(_, id)| id)
            .collect();
        match found[..] {
            [one] => Some(one.clone()),
            _ => None,
        }
    }

    /// Makes a product findable by name.
    pub fn add_product(&mut self, name: &str, id: &Id) {
        self.products.entry(name_key(name)).or_insert(id.clone());
    }

    /// The product a row means: by its name, else by its article (the catalogue has no article
    /// field, so a product named by its code is found by it).
    pub fn find_product(&self, name: &str, article: &str) -> Option<Id> {
        [name, article]
            .iter()
            .filter(|n| !n.trim().is_empty())
            .find_map(|n| self.products.get(&name_key(n)).cloned())
    }

    /// Makes a group findable by name.
    pub fn add_group(&mut self, name: &str, id: &Id) {
        self.groups.entry(name_key(name)).or_insert(id.clone());
    }

    /// The group with this name.
    pub fn find_group(&self, name: &str) -> Option<Id> {
        self.groups.get(&name_key(name)).cloned()
    }
}

/// A person's name as a sorted list of lower-case words, dots dropped.
fn words(name: &str) -> Vec<String> {
    let key = name_key(&name.replace('.', " "));
    let mut words: Vec<String> = key
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    crate::domain::sort::sort(&mut words);
    words
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::fixtures::*;

    fn fields(name: &str, inn: Option<&str>) -> ClientFields {
        ClientFields {
            name: name.into(),
            inn: inn.map(str::to_owned),
            ..Default::default()
        }
    }

    #[test]
    fn finds_clients_by_inn_then_by_name() {
        let mut ws = small_workspace();
        ws.clients[0].inn = Some("7707083893".into());
        let dir = Directory::new(&ws);
        let c1 = Some(Id::from_raw("c1"));
        assert_eq!(
            dir.find_client(&fields("Другое имя", Some("7707083893"))),
            c1
        );
        assert_eq!(dir.find_client(&fields("ООО \"Вектор\"", None)), c1);
        // The same name with another ИНН is another company.
        assert_eq!(
            dir.find_client(&fields("ООО «Вектор»", Some("500100732259"))),
            None
        );
        assert_eq!(
            dir.find_client(&fields("ИП Орлов", Some("500100732259"))),
            Some(Id::from_raw("c3"))
        );
        assert_eq!(dir.find_client(&fields("Нет такого", None)), None);
    }

    #[test]
    fn finds_members_as_1c_writes_them() {
        let dir = Directory::new(&small_workspace());
        let ivan = Some(Id::from_raw("ivan"));
        assert_eq!(dir.find_member("Иван Петров"), ivan);
        assert_eq!(dir.find_member("Петров Иван"), ivan);
        assert_eq!(dir.find_member("Петров И."), ivan);
        assert_eq!(dir.find_member("петров"), ivan);
        assert_eq!(dir.find_member("Сидоров"), None);
        assert_eq!(dir.find_member(""), None);
    }

    #[test]
    fn finds_products_by_name_or_article() {
        let ws = catalogue_workspace();
        let dir = Directory::new(&ws);
        let p1 = Some(Id::from_raw("p1"));
        assert_eq!(dir.find_product("гофрокороб", ""), p1);
        assert_eq!(dir.find_product("Короб 40x30", "Гофрокороб"), p1);
        assert_eq!(dir.find_product("", "А-100"), None);
        assert_eq!(dir.find_group("упаковка"), Some(Id::from_raw("g1")));
    }
}
