//! The team roster: adding, changing and removing members (their records pass to a successor).

use super::{Workspace, WorkspaceError};
use crate::domain::dates::Timestamp;
use crate::domain::ids::Id;
use crate::domain::stamps::{self, Fielded};
use crate::domain::team::TeamMember;

impl Workspace {
    /// Adds a team member.
    pub fn add_member(&mut self, member: TeamMember) -> Result<(), WorkspaceError> {
        if member.name.trim().is_empty() {
            return Err(WorkspaceError::NameRequired);
        }
        if self.id_taken(&member.id) {
            return Err(WorkspaceError::DuplicateId(member.id));
        }
        self.members.push(member);
        Ok(())
    }

    /// Replaces a team member's record with `member` (same id), stamping `updated_at`.
    pub fn update_member(
        &mut self,
        mut member: TeamMember,
        now: Timestamp,
    ) -> Result<(), WorkspaceError> {
        if member.name.trim().is_empty() {
            return Err(WorkspaceError::NameRequired);
        }
        let slot = self
            .members
            .iter_mut()
            .find(|m| m.id == member.id)
            .ok_or_else(|| WorkspaceError::NotFound(member.id.clone()))?;
        member.name = member.name.trim().to_owned();
        stamps::replace(slot, member, now);
        Ok(())
    }

    /// How many clients and deals a member owns.
    pub fn owned_by(&self, member_id: &Id) -> (usize, usize) {
        let clients = self
            .clients
            .iter()
            .filter(|c| &c.owner_id == member_id)
            .count();
        let deals = self
            .deals
            .iter()
            .filter(|d| &d.owner_id == member_id)
            .count();
        (clients, deals)
    }

    /// Removes a team member. Their clients and deals pass to `successor`; without one, removal
    /// is refused while they own anything, so no record is left without an owner.
    pub fn remove_member(
        &mut self,
        id: &Id,
        successor: Option<&Id>,
        now: Timestamp,
    ) -> Result<(), WorkspaceError> {
        if self.member(id).is_none() {
            return Err(WorkspaceError::NotFound(id.clone()));
        }
        let (clients, deals) = self.owned_by(id);
        match successor {
            Some(to) if to != id => self.require_member(to)?,
            _ if clients + deals > 0 => {
                return Err(WorkspaceError::MemberOwnsRecords { clients, deals })
            }
            _ => {}
        }
        if let Some(to) = successor {
            for c in self.clients.iter_mut().filter(|c| &c.owner_id == id) {
                stamps::edit(c, now, |c| c.owner_id = to.clone());
            }
            for d in self.deals.iter_mut().filter(|d| &d.owner_id == id) {
                stamps::edit(d, now, |d| d.owner_id = to.clone());
            }
            self.hand_tasks(id, to, now);
        }
        let latest = self.member(id).map_or(now, |m| m.latest_stamp());
        self.members.retain(|m| &m.id != id);
        self.tombstone(id.clone(), now, latest);
        Ok(())
    }
}
