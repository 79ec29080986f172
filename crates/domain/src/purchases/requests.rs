//! A customer asks, the partner decides. A CSP customer cannot exchange, cancel or renew a
//! purchase on their own; a customer user asks the partner instead, with a note. An Admin
//! agent approves a request by doing what it asks (the exchange, the return, the renewal:
//! `lifecycle.rs`, under the same rules, the request named), or declines it with a reason.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::caller::Caller;
use crate::clock::Clock;
use crate::error::{DomainError, RequestTextProblem};
use crate::ids::{CustomerId, CustomerUpn, PartnerUserId, RequestId};
use crate::purchases::lifecycle::BenefitId;
use crate::store::{Change, PartnerStore};

/// The longest note or reason, in characters.
pub const MAX_REQUEST_TEXT: usize = 500;

/// What the customer asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RequestKind {
    /// Exchange a reservation for another.
    Exchange,
    /// Cancel (return) a reservation, refunded.
    Cancel,
    /// Turn auto-renew on or off.
    Renew { on: bool },
}

/// Where a request stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum RequestStatus {
    Pending,
    Approved {
        by: PartnerUserId,
        #[serde(with = "time::serde::timestamp")]
        at: OffsetDateTime,
    },
    Declined {
        by: PartnerUserId,
        #[serde(with = "time::serde::timestamp")]
        at: OffsetDateTime,
        reason: String,
    },
}

/// A customer's request to the partner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerRequest {
    pub id: RequestId,
    pub customer_id: CustomerId,
    pub customer_name: String,
    pub benefit: BenefitId,
    /// The purchase's name when asked.
    pub benefit_name: String,
    pub kind: RequestKind,
    pub note: String,
    pub requested_by: CustomerUpn,
    #[serde(with = "time::serde::timestamp")]
    pub at: OffsetDateTime,
    pub status: RequestStatus,
}

/// A request declined: the change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestDecline {
    pub customer_id: CustomerId,
    pub request: RequestId,
    pub by: PartnerUserId,
    #[serde(with = "time::serde::timestamp")]
    pub at: OffsetDateTime,
    pub reason: String,
}

/// A note or a reason as typed: trimmed, at most 500 characters, no control characters but
/// line breaks; `required`, not empty.
fn check_text(text: &str, required: bool) -> Result<String, DomainError> {
    let text = text.trim();
    if required && text.is_empty() {
        return Err(DomainError::InvalidRequestText(RequestTextProblem::Empty));
    }
    if text.chars().count() > MAX_REQUEST_TEXT {
        return Err(DomainError::InvalidRequestText(RequestTextProblem::TooLong));
    }
    if text.chars().any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t') {
        return Err(DomainError::InvalidRequestText(RequestTextProblem::HasControlCharacters));
    }
    Ok(text.to_string())
}

impl PartnerStore {
    /// The requests the caller may see, newest first: a partner user's of every customer (or
    /// of `customer`), a customer user's of their own company.
    pub fn requests(&self, caller: &Caller, customer: Option<&CustomerId>) -> Result<Vec<CustomerRequest>, DomainError> {
        let only = self.customers_seen(caller, customer)?;
        let mut found: Vec<CustomerRequest> = self
            .requests
            .iter()
            .filter(|(c, _)| only.is_none_or(|o| o == **c))
            .flat_map(|(_, list)| list.iter().cloned())
            .collect();
        found.sort_by(|a, b| b.at.cmp(&a.at));
        Ok(found)
    }

    /// Decides a customer user's request about one of their company's purchases.
    pub fn decide_request(
        &self,
        caller: &Caller,
        id: RequestId,
        benefit: BenefitId,
        kind: RequestKind,
        note: &str,
        clock: &dyn Clock,
    ) -> Result<Option<Change>, DomainError> {
        let upn = caller.customer()?;
        let (customer, _) = self.customer_user(upn)?;
        let (customer_id, customer_name) = (customer.id, customer.company_name.clone());
        if let Some(earlier) = self.requests.values().flatten().find(|r| r.id == id) {
            // Asked again with the same id: nothing new (another customer's id is taken).
            return if earlier.customer_id == customer_id { Ok(None) } else { Err(DomainError::PurchaseIdTaken) };
        }
        let now = clock.now();
        let (current, returnable) = match benefit {
            BenefitId::Reservation(order) => {
                let found = self
                    .reservations
                    .get(&customer_id)
                    .and_then(|list| list.iter().find(|r| r.id == order))
                    .ok_or(DomainError::UnknownReservation(order))?;
                (&found.benefit, true)
            }
            BenefitId::SavingsPlan(plan) => {
                let found = self
                    .savings_plans
                    .get(&customer_id)
                    .and_then(|list| list.iter().find(|p| p.id == plan))
                    .ok_or_else(|| DomainError::UnknownSavingsPlan(plan.to_string()))?;
                (&found.benefit, false)
            }
        };
        if !current.is_active(now) {
            return Err(DomainError::BenefitNotActive);
        }
        if !returnable && !matches!(kind, RequestKind::Renew { .. }) {
            return Err(DomainError::SavingsPlanNotReturnable);
        }
        let pending = |r: &&CustomerRequest| r.benefit == benefit && r.status == RequestStatus::Pending;
        if self.requests.get(&customer_id).is_some_and(|list| list.iter().any(|r| pending(&r))) {
            return Err(DomainError::RequestPending);
        }
        let note = check_text(note, false)?;
        Ok(Some(Change::RequestMade(CustomerRequest {
            id,
            customer_id,
            customer_name,
            benefit,
            benefit_name: current.display_name.clone(),
            kind,
            note,
            requested_by: upn.clone(),
            at: now,
            status: RequestStatus::Pending,
        })))
    }

    /// Decides declining a request, by an Admin agent, with a reason.
    pub fn decide_decline(&self, caller: &Caller, id: &RequestId, reason: &str, clock: &dyn Clock) -> Result<Option<Change>, DomainError> {
        let actor = self.request_decider(caller)?;
        let request = self.pending_request(id)?;
        let reason = check_text(reason, true)?;
        Ok(Some(Change::RequestDeclined(RequestDecline {
            customer_id: request.customer_id,
            request: *id,
            by: actor.clone(),
            at: clock.now(),
            reason,
        })))
    }

    /// The partner user who may decide requests: who may manage purchases.
    fn request_decider<'a>(&self, caller: &'a Caller) -> Result<&'a PartnerUserId, DomainError> {
        caller.partner()?;
        self.purchase_manager(caller)
    }

    fn pending_request(&self, id: &RequestId) -> Result<&CustomerRequest, DomainError> {
        let request = self.requests.values().flatten().find(|r| r.id == *id).ok_or(DomainError::UnknownRequest(*id))?;
        if request.status != RequestStatus::Pending {
            return Err(DomainError::RequestDecided);
        }
        Ok(request)
    }

    /// That doing something on `benefit` of `customer` approves the request `approves` (if
    /// one is named): it is pending, about that purchase, and asks for what `matches`.
    pub(crate) fn check_approval(
        &self,
        approves: Option<RequestId>,
        customer: &CustomerId,
        benefit: BenefitId,
        matches: impl Fn(&RequestKind) -> bool,
    ) -> Result<(), DomainError> {
        let Some(id) = approves else { return Ok(()) };
        let request = self.pending_request(&id)?;
        if request.customer_id != *customer || request.benefit != benefit || !matches(&request.kind) {
            return Err(DomainError::RequestMismatch);
        }
        Ok(())
    }

    /// Marks the request `approves` approved by who did `record`.
    pub(crate) fn approve(&mut self, approves: Option<RequestId>, customer: &CustomerId, record: &crate::activity::ActivityRecord) {
        let (Some(id), Some(by)) = (approves, record.partner_user.clone()) else { return };
        if let Some(request) = self.requests.get_mut(customer).and_then(|list| list.iter_mut().find(|r| r.id == id)) {
            request.status = RequestStatus::Approved { by, at: record.at };
        }
    }

    /// Applies the requests' changes (called by `apply` once they are kept).
    pub(crate) fn apply_requests(&mut self, change: &Change) {
        match change {
            Change::RequestMade(request) => self.requests.entry(request.customer_id).or_default().push(request.clone()),
            Change::RequestDeclined(decline) => {
                if let Some(request) =
                    self.requests.get_mut(&decline.customer_id).and_then(|list| list.iter_mut().find(|r| r.id == decline.request))
                {
                    request.status = RequestStatus::Declined { by: decline.by.clone(), at: decline.at, reason: decline.reason.clone() };
                }
            }
            _ => {}
        }
    }
}
