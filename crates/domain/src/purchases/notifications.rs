//! The partner's notifications: the seed's article says a partner "will not be notified" of
//! a customer's own purchase; here it is. What a partner user is told of, newest first:
//! every reservation or savings plan a customer user bought on their own (not a renewal, not
//! the partner's own orders or exchanges), with the amount billed to the partner, and every
//! request a customer user made. They are read from what happened (nothing is stored for a
//! notification); only what each partner user has read is kept, as a [`Change`] like any.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::caller::Caller;
use crate::clock::Clock;
use crate::error::DomainError;
use crate::ids::{CustomerId, CustomerUpn, NotificationId, OrderId, PartnerUserId, RequestId};
use crate::money::Usd;
use crate::orders::{Order, PlacedBy};
use crate::purchases::lifecycle::BenefitId;
use crate::purchases::requests::RequestKind;
use crate::store::{Change, PartnerStore};

/// What a notification tells of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotificationAbout {
    /// A customer user bought a reservation or a savings plan on their own.
    Purchase {
        /// The order the partner is billed by (in the customer's Order history).
        order_id: OrderId,
        benefit: BenefitId,
        /// The product's own name, as the order has it.
        product: String,
        /// The name the customer gave the purchase.
        display_name: String,
        /// What the order bills the partner.
        amount: Usd,
    },
    /// A customer user asked the partner to exchange, cancel or renew a purchase.
    Request { request: RequestId, kind: RequestKind, benefit: BenefitId, benefit_name: String },
}

/// One notification, as a partner user reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notification {
    pub id: NotificationId,
    pub customer_id: CustomerId,
    pub customer_name: String,
    /// The customer user who bought or asked.
    pub by: CustomerUpn,
    pub at: OffsetDateTime,
    pub about: NotificationAbout,
    /// Whether this partner user marked it read.
    pub read: bool,
}

/// A partner user's notifications, newest first, and how many they have not read.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NotificationFeed {
    pub items: Vec<Notification>,
    pub unread: usize,
}

/// Which notifications to mark read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MarkRead {
    /// Every notification there is now.
    All,
    /// These (ids the caller has no notification of are ignored).
    Only(Vec<NotificationId>),
}

/// Notifications a partner user marked read: the change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationsRead {
    pub user: PartnerUserId,
    /// Every notification from before this time is read (marking all read).
    #[serde(default, with = "time::serde::timestamp::option", skip_serializing_if = "Option::is_none")]
    pub before: Option<OffsetDateTime>,
    /// These are read (marked one by one, or marking all read: those at `before` itself,
    /// so that one arriving later in the same second stays unread).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ids: Vec<NotificationId>,
}

/// What one partner user has read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct ReadState {
    before: Option<OffsetDateTime>,
    /// Read one by one (a short list: what a partner user marks by hand).
    ids: Vec<NotificationId>,
}

impl ReadState {
    fn has_read(&self, notification: &Notification) -> bool {
        self.before.is_some_and(|before| notification.at < before) || self.ids.contains(&notification.id)
    }
}

/// Every partner user's [`ReadState`] (a few partner users: a list, which keeps the
/// first page's download, where changes are applied, small).
pub(crate) type ReadStates = Vec<(PartnerUserId, ReadState)>;

/// The notification of an order a customer user placed on their own (`None` for the
/// partner's).
fn purchase_notification(order: &Order, benefit: BenefitId, display_name: &str) -> Option<(CustomerUpn, NotificationAbout)> {
    let PlacedBy::Customer(upn) = &order.placed_by else { return None };
    let about = NotificationAbout::Purchase {
        order_id: order.id,
        benefit,
        product: order.line_items.first().map(|item| item.friendly_name.clone()).unwrap_or_default(),
        display_name: display_name.to_string(),
        amount: order.total(),
    };
    Some((upn.clone(), about))
}

impl PartnerStore {
    /// The caller's notifications, newest first, with their read flags and the unread
    /// count: partner users only (each their own read state).
    pub fn notifications(&self, caller: &Caller) -> Result<NotificationFeed, DomainError> {
        let user = caller.partner()?;
        self.partner_user(user)?;
        let state = self.notifications_read.iter().find(|(who, _)| who == user).map(|(_, state)| state.clone()).unwrap_or_default();
        let mut items = self.every_notification();
        for item in &mut items {
            item.read = state.has_read(item);
        }
        let unread = items.iter().filter(|n| !n.read).count();
        Ok(NotificationFeed { items, unread })
    }

    /// Every notification there is, newest first, none read.
    fn every_notification(&self) -> Vec<Notification> {
        let purchases = self.commerce.iter().filter_map(|change| {
            let (customer_id, at, found) = match change {
                Change::ReservationPurchased(p) => (
                    p.reservation.customer_id,
                    p.order.creation_date,
                    purchase_notification(&p.order, BenefitId::Reservation(p.reservation.id), &p.reservation.display_name)?,
                ),
                Change::SavingsPlanPurchased(p) => (
                    p.savings_plan.customer_id,
                    p.order.creation_date,
                    purchase_notification(&p.order, BenefitId::SavingsPlan(p.savings_plan.id), &p.savings_plan.display_name)?,
                ),
                _ => return None,
            };
            let (by, about) = found;
            let id = match &about {
                NotificationAbout::Purchase { order_id, .. } => NotificationId::from_uuid(order_id.as_uuid()),
                NotificationAbout::Request { request, .. } => NotificationId::from_uuid(request.as_uuid()),
            };
            Some(Notification { id, customer_id, customer_name: self.customer_name(&customer_id), by, at, about, read: false })
        });
        let requests = self.requests.values().flatten().map(|r| Notification {
            id: NotificationId::from_uuid(r.id.as_uuid()),
            customer_id: r.customer_id,
            customer_name: r.customer_name.clone(),
            by: r.requested_by.clone(),
            at: r.at,
            about: NotificationAbout::Request { request: r.id, kind: r.kind, benefit: r.benefit, benefit_name: r.benefit_name.clone() },
            read: false,
        });
        let mut all: Vec<Notification> = purchases.chain(requests).collect();
        all.sort_by(|a, b| b.at.cmp(&a.at).then(b.id.cmp(&a.id)));
        all
    }

    /// Decides marking the caller's notifications read (`None`: nothing was unread).
    pub fn decide_mark_read(&self, caller: &Caller, which: MarkRead, _clock: &dyn Clock) -> Result<Option<Change>, DomainError> {
        let user = caller.partner()?.clone();
        let feed = self.notifications(caller)?;
        let unread = feed.items.iter().filter(|n| !n.read);
        let change = match which {
            MarkRead::All => {
                let Some(newest) = feed.items.iter().filter(|n| !n.read).map(|n| n.at).max() else { return Ok(None) };
                let ids = unread.filter(|n| n.at == newest).map(|n| n.id).collect();
                NotificationsRead { user, before: Some(newest), ids }
            }
            MarkRead::Only(wanted) => {
                let wanted: HashSet<NotificationId> = wanted.into_iter().collect();
                let mut ids: Vec<NotificationId> = unread.filter(|n| wanted.contains(&n.id)).map(|n| n.id).collect();
                if ids.is_empty() {
                    return Ok(None);
                }
                ids.sort_unstable();
                NotificationsRead { user, before: None, ids }
            }
        };
        Ok(Some(Change::NotificationsRead(change)))
    }

    /// Applies notifications marked read (called by `apply` once the change is kept).
    pub(crate) fn apply_notifications_read(&mut self, read: &NotificationsRead) {
        let at = match self.notifications_read.iter().position(|(who, _)| *who == read.user) {
            Some(at) => at,
            None => {
                self.notifications_read.push((read.user.clone(), ReadState::default()));
                self.notifications_read.len() - 1
            }
        };
        let state = &mut self.notifications_read[at].1;
        if let Some(before) = read.before {
            state.before = Some(state.before.map_or(before, |earlier| earlier.max(before)));
        }
        for id in &read.ids {
            if !state.ids.contains(id) {
                state.ids.push(*id);
            }
        }
    }
}
