//! What the passing of time does to what was bought. At its expiry a reservation or savings
//! plan ends (`Expired`); one whose auto-renew is on is followed by a new one that keeps its
//! product, region, scope, term, quantity and name, starts when it expires, and is billed to
//! the partner at that day's price, its order placed by whoever placed the one it renews (as
//! Azure renews on the original purchase). Nobody asks for it: each backend asks
//! [`PartnerStore::decide_next_expiry`] on a timer and keeps what it decides, like any change.

use serde::{Deserialize, Serialize};

use crate::activity::{ActivityAction, ActivityDetail};
use crate::clock::Clock;
use crate::error::DomainError;
use crate::ids::{CustomerId, OrderId, ReservationOrderId, SavingsPlanOrderId};
use crate::purchases::reservation_purchase::new_reservation;
use crate::purchases::savings_plan_purchase::new_savings_plan;
use crate::purchases::{
    is_valid_alias, Benefit, BenefitId, BenefitStatus, ReservationPurchase, ReservationRequest, SavingsPlanPurchase,
    SavingsPlanRequest,
};
use crate::rng::DemoRng;
use crate::store::{Change, PartnerStore};

/// A purchase that reached its expiry, and what renewed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BenefitExpiry {
    pub customer_id: CustomerId,
    pub ended: BenefitId,
    pub renewal: Option<Renewal>,
}

/// The purchase that follows one whose auto-renew is on: bought as any is (an order billed to
/// the partner, a record in the Activity log).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Renewal {
    Reservation(ReservationPurchase),
    SavingsPlan(SavingsPlanPurchase),
}

impl Renewal {
    pub fn id(&self) -> BenefitId {
        match self {
            Self::Reservation(p) => BenefitId::Reservation(p.reservation.id),
            Self::SavingsPlan(p) => BenefitId::SavingsPlan(p.savings_plan.id),
        }
    }
}

impl PartnerStore {
    /// Whether some purchase is past its expiry and not yet marked so: what a backend checks
    /// before each read, cheaply, before it asks [`PartnerStore::decide_next_expiry`].
    pub fn expiry_due(&self, now: time::OffsetDateTime) -> bool {
        self.reservations.values().flatten().any(|r| is_due(r, now)) || self.savings_plans.values().flatten().any(|p| is_due(p, now))
    }

    /// The purchase that expired first and is not yet marked so, ended (and renewed if its
    /// auto-renew is on); `Ok(None)` when none is due at the clock's time. Keep each change
    /// and ask again until `None`: a renewal that is itself past its expiry comes next.
    pub fn decide_next_expiry(&self, clock: &dyn Clock) -> Result<Option<Change>, DomainError> {
        let now = clock.now();
        let due_reservation = self.reservations.values().flatten().filter(|r| is_due(r, now)).min_by_key(|r| r.expiry);
        let due_plan = self.savings_plans.values().flatten().filter(|p| is_due(p, now)).min_by_key(|p| p.expiry);
        let expiry = match (due_reservation, due_plan) {
            (Some(r), Some(p)) if p.expiry < r.expiry => self.plan_expiry(p)?,
            (Some(r), _) => self.reservation_expiry(r)?,
            (None, Some(p)) => self.plan_expiry(p)?,
            (None, None) => return Ok(None),
        };
        Ok(Some(Change::BenefitExpired(expiry)))
    }

    fn reservation_expiry(&self, ended: &crate::purchases::Reservation) -> Result<BenefitExpiry, DomainError> {
        let renewal = if ended.renew {
            let request = ReservationRequest {
                id: ReservationOrderId::from_uuid(follow_on_ids(ended.id.as_uuid()).0),
                size: ended.size,
                region: ended.region,
                term: ended.term,
                billing_plan: ended.billing_plan,
                quantity: ended.quantity,
                billing_subscription: ended.billing_subscription,
                scope: ended.scope,
                renew: true,
                display_name: ended.display_name.clone(),
            };
            let placed_by = self.placed_by(ended);
            let (mut reservation, order) =
                new_reservation(ended.customer_id, request, ended.display_name.clone(), placed_by.clone(), ended.purchased_by.clone(), ended.expiry);
            reservation.benefit.renewed_from = Some(BenefitId::Reservation(ended.id));
            let record = self.record(ended.expiry, &ended.customer_id, ActivityAction::CreateOrder, placed_by.caller(), Some(ActivityDetail::of_order(&order)))?;
            Some(Renewal::Reservation(ReservationPurchase { reservation, order, record }))
        } else {
            None
        };
        Ok(BenefitExpiry { customer_id: ended.customer_id, ended: BenefitId::Reservation(ended.id), renewal })
    }

    fn plan_expiry(&self, ended: &crate::purchases::SavingsPlan) -> Result<BenefitExpiry, DomainError> {
        let renewal = if ended.renew {
            let (id, order_id) = follow_on_ids(ended.id.as_uuid());
            let request = SavingsPlanRequest {
                alias: self.renewal_alias(&ended.alias, ended.expiry.year(), order_id),
                display_name: ended.display_name.clone(),
                hourly_commitment: ended.hourly_commitment,
                term: ended.term,
                billing_plan: ended.billing_plan,
                billing_subscription: ended.billing_subscription,
                scope: ended.scope,
                renew: true,
            };
            let placed_by = self.placed_by(ended);
            let ids = (SavingsPlanOrderId::from_uuid(id), OrderId::from_uuid(order_id));
            let (mut savings_plan, order) =
                new_savings_plan(ended.customer_id, ids, request, ended.display_name.clone(), placed_by.clone(), ended.purchased_by.clone(), ended.expiry);
            savings_plan.benefit.renewed_from = Some(BenefitId::SavingsPlan(ended.id));
            let record = self.record(ended.expiry, &ended.customer_id, ActivityAction::CreateOrder, placed_by.caller(), Some(ActivityDetail::of_order(&order)))?;
            Some(Renewal::SavingsPlan(SavingsPlanPurchase { savings_plan, order, record }))
        } else {
            None
        };
        Ok(BenefitExpiry { customer_id: ended.customer_id, ended: BenefitId::SavingsPlan(ended.id), renewal })
    }

    /// The name a renewed savings plan is bought under: the old one's with the year it
    /// starts, or (if that is taken) its order's id.
    fn renewal_alias(&self, alias: &str, year: i32, order_id: uuid::Uuid) -> String {
        let stem: String = alias.chars().take(crate::purchases::savings_plan_purchase::MAX_ALIAS - 5).collect();
        let alias = format!("{stem}-{year}");
        let taken = self.savings_plans.values().flatten().any(|p| p.alias.eq_ignore_ascii_case(&alias));
        if taken || !is_valid_alias(&alias) { order_id.simple().to_string() } else { alias }
    }

    /// Applies an expiry (called by `apply` once it is kept): the purchase ends, and its
    /// renewal is bought.
    pub(crate) fn apply_expiry(&mut self, c: &BenefitExpiry) {
        let renewed_as = c.renewal.as_ref().map(Renewal::id);
        let ended: Option<&mut Benefit> = match c.ended {
            BenefitId::Reservation(id) => {
                self.reservations.get_mut(&c.customer_id).and_then(|l| l.iter_mut().find(|r| r.id == id)).map(|r| &mut r.benefit)
            }
            BenefitId::SavingsPlan(id) => {
                self.savings_plans.get_mut(&c.customer_id).and_then(|l| l.iter_mut().find(|p| p.id == id)).map(|p| &mut p.benefit)
            }
        };
        if let Some(ended) = ended {
            ended.status = BenefitStatus::Expired;
            ended.renewed_as = renewed_as;
        }
        match &c.renewal {
            Some(Renewal::Reservation(p)) => self.add_reservation(p),
            Some(Renewal::SavingsPlan(p)) => self.add_savings_plan(p),
            None => {}
        }
    }
}

/// Still marked as in force, though its expiry has passed.
fn is_due(benefit: &Benefit, now: time::OffsetDateTime) -> bool {
    benefit.status == BenefitStatus::Succeeded && benefit.expiry <= now
}

/// The ids of the purchase that renews the one with `id` (its order, its Partner Center
/// order): the same on every backend, so that a renewal decided twice is the same renewal.
fn follow_on_ids(id: uuid::Uuid) -> (uuid::Uuid, uuid::Uuid) {
    let (high, low) = id.as_u64_pair();
    let mut rng = DemoRng::new(high ^ low.rotate_left(32) ^ 0x7e4e_3a1d);
    (rng.uuid(), rng.uuid())
}
