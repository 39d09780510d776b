//! One operation of one rep, through the workspace's own methods.

use super::*;
use crate::domain::deal_flow::{Closure, LostReason};
use crate::testkit::fixtures::mover;

/// One operation of one rep, through the workspace's own methods. Operations the workspace
/// refuses (removing a member who owns records without a successor, transferring a client that
/// does not meet the rule…) change nothing and are simply not logged.
pub(super) struct Op<'a> {
    pub(super) rng: &'a mut Lcg,
    pub(super) next_id: &'a mut u32,
    pub(super) rep: usize,
    pub(super) now: Timestamp,
}

impl Op<'_> {
    pub(super) fn today(&self) -> NaiveDate {
        self.now.date_naive()
    }

    pub(super) fn fresh(&mut self, prefix: &str) -> Id {
        *self.next_id += 1;
        Id::from_raw(format!("{prefix}-{}", self.next_id))
    }

    /// A text no other operation writes, so that different changes have different values.
    pub(super) fn text(&mut self, what: &str) -> String {
        *self.next_id += 1;
        format!("{what} r{} #{}", self.rep, self.next_id)
    }

    pub(super) fn pick<T: Record>(&mut self, list: &[T]) -> Option<Id> {
        self.rng.pick(list).map(|r| r.id().clone())
    }

    pub(super) fn money(&mut self) -> Money {
        Money::from_rubles(1 + self.rng.below(500_000) as i64)
    }

    pub(super) fn date(&mut self) -> NaiveDate {
        // Mostly within the last months, sometimes long ago (sleeping and lost clients).
        let days = if self.rng.below(4) == 0 {
            self.rng.below(500)
        } else {
            self.rng.below(60)
        };
        self.today() - TimeDelta::days(days as i64)
    }

    pub(super) fn lines(&mut self, ws: &Workspace) -> Vec<OrderLine> {
        (0..1 + self.rng.below(2))
            .map(|_| OrderLine {
                product_id: self.pick(&ws.products).expect("a product"),
                amount: self.money(),
                quantity: None,
            })
            .collect()
    }

    pub(super) fn random(&mut self, ws: &mut Workspace) {
        let now = self.now;
        let today = self.today();
        let _ = match self.rng.below(37) {
            0..=9 => return self.client_edit(ws),
            10..=15 => return self.deal_edit(ws),
            16 => {
                let Some(c) = self.pick(&ws.clients) else {
                    return;
                };
                ws.remove_client(&c, now).map(drop)
            }
            17 => {
                let (Some(c), Some(owner)) = (self.pick(&ws.clients), self.pick(&ws.members))
                else {
                    return;
                };
                let id = self.fresh("d");
                let stage = StageKey::DEFAULT_PIPELINE[self.rng.below(7)];
                let mut d = deal(id.as_str(), c.as_str(), owner.as_str(), stage, 1_000);
                d.title = self.text("Сделка");
                (d.created_at, d.updated_at) = (now, now);
                ws.add_deal(d, &mover(self.fresh("h").as_str()))
            }
            18 => {
                let Some(d) = self.pick(&ws.deals) else {
                    return;
                };
                ws.remove_deal(&d, now)
            }
            19 => {
                let (Some(d), Some(by)) = (self.pick(&ws.deals), self.pick(&ws.members)) else {
                    return;
                };
                let id = self.fresh("a");
                let mut a = assessment(id.as_str(), d.as_str(), 0);
                a.assessor_id = by;
                a.created_at = now;
                ws.add_assessment(a)
            }
            20 => {
                let id = self.fresh("m");
                let title = JobTitle::ALL[self.rng.below(JobTitle::ALL.len())];
                let mut m = member(id.as_str(), &self.text("Сотрудник"), title);
                (m.created_at, m.updated_at) = (now, now);
                ws.add_member(m)
            }
            21 | 22 => {
                let Some(id) = self.pick(&ws.members) else {
                    return;
                };
                let mut m = ws.member(&id).unwrap().clone();
                if self.rng.below(2) == 0 {
                    m.name = self.text("Сотрудник");
                } else {
                    m.job_title = JobTitle::ALL[self.rng.below(JobTitle::ALL.len())];
                }
                ws.update_member(m, now)
            }
            23 => {
                let Some(id) = self.pick(&ws.members) else {
                    return;
                };
                let successor = self.pick(&ws.members).filter(|s| *s != id);
                ws.remove_member(&id, successor.as_ref(), now)
            }
            24 => {
                let Some(g) = self.pick(&ws.product_groups) else {
                    return;
                };
                let name = self.text("Группа");
                ws.rename_product_group(&g, &name, now)
            }
            25 | 26 => {
                let (Some(p), Some(g)) = (self.pick(&ws.products), self.pick(&ws.product_groups))
                else {
                    return;
                };
                let old = ws.products.iter().find(|x| x.id == p).unwrap();
                let (name, group) = match self.rng.below(3) {
                    0 => (self.text("Товар"), old.group_id.clone()),
                    1 => (old.name.clone(), g),
                    _ => (self.text("Товар"), g),
                };
                ws.update_product(&p, &name, &group, now)
            }
            27 => {
                if self.rng.below(2) == 0 {
                    let id = self.fresh("g");
                    ws.add_product_group(ProductGroup {
                        id,
                        name: self.text("Группа"),
                        created_at: now,
                        updated_at: now,
                        stamps: Default::default(),
                    })
                } else {
                    let Some(group_id) = self.pick(&ws.product_groups) else {
                        return;
                    };
                    let id = self.fresh("p");
                    ws.add_product(Product {
                        id,
                        name: self.text("Товар"),
                        group_id,
                        created_at: now,
                        updated_at: now,
                        stamps: Default::default(),
                    })
                }
            }
            28 => {
                let items: Vec<Id> = (ws.products.iter().map(|p| p.id.clone()))
                    .chain(ws.product_groups.iter().map(|g| g.id.clone()))
                    .collect();
                let Some(id) = self.rng.pick(&items).cloned() else {
                    return;
                };
                ws.remove_catalogue_item(&id, now)
            }
            29 | 30 => {
                let Some(client_id) = self.pick(&ws.clients) else {
                    return;
                };
                if ws.products.is_empty() {
                    return;
                }
                let order = Order {
                    id: self.fresh("o"),
                    client_id,
                    date: self.date(),
                    lines: self.lines(ws),
                    created_at: now,
                    updated_at: now,
                    stamps: Default::default(),
                };
                ws.add_order(order, today, now)
            }
            31 => {
                let Some(id) = self.pick(&ws.orders) else {
                    return;
                };
                let mut o = ws.orders.iter().find(|o| o.id == id).unwrap().clone();
                if self.rng.below(2) == 0 {
                    o.date = self.date();
                } else {
                    o.lines = self.lines(ws);
                }
                ws.update_order(o, today, now)
            }
            32 => {
                let Some(id) = self.pick(&ws.orders) else {
                    return;
                };
                ws.remove_order(&id, today, now)
            }
            33 | 34 => {
                let farmers: Vec<Id> = (ws.members.iter())
                    .filter(|m| m.role() == Role::Farmer)
                    .map(|m| m.id.clone())
                    .collect();
                // Mostly a client the default rule lets through (two orders by today).
                let ready: Vec<Id> = (ws.clients.iter())
                    .filter(|c| {
                        let orders = ws.orders_of(&c.id);
                        orders.iter().filter(|o| o.date <= today).count() >= 2
                            && !ws.is_with_farmer(&c.id)
                    })
                    .map(|c| c.id.clone())
                    .collect();
                let client = match self.rng.pick(&ready) {
                    Some(c) if self.rng.below(4) > 0 => Some(c.clone()),
                    _ => self.pick(&ws.clients),
                };
                let (Some(c), Some(to), Some(by)) = (
                    client,
                    self.rng.pick(&farmers).cloned(),
                    self.pick(&ws.members),
                ) else {
                    return;
                };
                let request = TransferRequest {
                    record_id: self.fresh("t"),
                    client_id: c,
                    to_member_id: to,
                    by_member_id: by,
                };
                ws.transfer_client(request, today, now)
            }
            35 => {
                ws.refresh_statuses(today, now);
                Ok(())
            }
            _ => {
                let template = [Template::Bant, Template::Anum, Template::Champ][self.rng.below(3)];
                ws.set_scoring_model(template.model(), now)
            }
        };
    }

    /// One field of a client, through `update_client` as the card saves it.
    pub(super) fn client_edit(&mut self, ws: &mut Workspace) {
        let now = self.now;
        if self.rng.below(5) == 0 {
            let Some(owner) = self.pick(&ws.members) else {
                return;
            };
            let id = self.fresh("c");
            let mut c = client(id.as_str(), &self.text("ООО"), owner.as_str());
            (c.created_at, c.updated_at) = (now, now);
            let _ = ws.add_client(c);
            return;
        }
        let Some(id) = self.pick(&ws.clients) else {
            return;
        };
        let mut c = ws.client(&id).unwrap().clone();
        match self.rng.below(9) {
            0 => c.name = self.text("ООО"),
            1 => c.notes = self.text("заметка"),
            2 => c.contact.phone = format!("+7 900 {:07}", self.rng.below(10_000_000)),
            3 => c.contact.email = format!("{}@example.ru", self.text("r").replace(' ', ".")),
            4 => {
                c.inn = (self.rng.below(3) > 0)
                    .then(|| complete_inn(&format!("{:09}", self.rng.below(1_000_000_000))))
            }
            5 => match self.pick(&ws.members) {
                Some(owner) => c.owner_id = owner,
                None => return,
            },
            6 => c.status = ClientStatus::ALL[self.rng.below(ClientStatus::ALL.len())],
            7 => c.yearly_spend = (self.rng.below(3) > 0).then(|| self.money()),
            _ => c.contact.name = self.text("Контакт"),
        }
        let _ = ws.update_client(c, now);
    }

    /// One field of a deal: through `update_deal` as the card saves it, the stage by `move_deal`
    /// as the board does.
    pub(super) fn deal_edit(&mut self, ws: &mut Workspace) {
        let now = self.now;
        let Some(id) = self.pick(&ws.deals) else {
            return;
        };
        let mut d = ws.deal(&id).unwrap().clone();
        match self.rng.below(8) {
            0 => d.title = self.text("Сделка"),
            1 => d.amount = self.money(),
            2 | 3 => {
                let stage = StageKey::DEFAULT_PIPELINE[self.rng.below(7)].default_id();
                let _ = ws.move_deal(&id, &stage, &mover(self.fresh("h").as_str()), now);
                return;
            }
            // Closing and reopening, as the board and the card do: the outcome is a field of
            // the deal, and each writes a stage history entry.
            6 => {
                let reason = self.text("причина");
                let lost = Closure::Lost {
                    reason: LostReason::custom(&reason),
                    note: String::new(),
                    at: self.now,
                };
                let mover = mover(self.fresh("h").as_str());
                let _ = ws.close_deal(&id, lost, &mover, self.now);
                return;
            }
            7 => {
                let _ = ws.reopen_deal(&id, &mover(self.fresh("h").as_str()), self.now);
                return;
            }
            4 => {
                d.next_step = self.text("позвонить");
                d.next_step_date = Some(self.today() + TimeDelta::days(self.rng.below(30) as i64));
            }
            _ => match self.pick(&ws.members) {
                Some(owner) => d.owner_id = owner,
                None => return,
            },
        }
        let _ = ws.update_deal(d, &mover(self.fresh("h").as_str()), now);
    }
}
