//! After the purchase: the partner's Admin agents cancel (return, refunded), exchange and
//! renew on the customer's behalf, under Azure's rules (a refund is the remaining prorated
//! value, capped at USD 50,000 per customer in any rolling 12 months; an exchange is worth at
//! least what is returned and is not a refund; savings plans only renew and rename); customers
//! ask, the partner approves by doing it or declines with a reason.

mod support;

use domain::{
    ActivityAction, ActivityDetail, AppliedScope, BenefitId, BenefitItem, BenefitStatus, BillingPlan, Caller, Change, Clock,
    CustomerUpn, DomainError, FixedClock, PartnerRole, PartnerStore, Permission, PlacedBy, Region, RequestId,
    RequestKind, RequestStatus, RequestTextProblem, ReservationOrderId, ReservationRequest, SavingsPlanOrderId, Term,
    Usd, VmSize, REFUND_LIMIT,
};
use support::*;
use time::Duration;
use uuid::Uuid;

const MEGAN: &str = "meganb@contoso.onmicrosoft.com";

fn on_day(day: i64) -> FixedClock {
    FixedClock::new(T0 + Duration::hours(1) + Duration::days(day))
}

fn apply(store: &mut PartnerStore, decided: Result<Option<Change>, DomainError>) -> Result<(), DomainError> {
    if let Some(change) = decided? {
        store.apply(change);
    }
    Ok(())
}

/// Decides on the store as it is, then applies what was decided.
fn act(store: &mut PartnerStore, decide: impl FnOnce(&PartnerStore) -> Result<Option<Change>, DomainError>) -> Result<(), DomainError> {
    let decided = decide(store);
    apply(store, decided)
}

fn megan() -> Caller {
    Caller::Customer(CustomerUpn::new(MEGAN))
}

fn partner(store: &PartnerStore, role: PartnerRole) -> Caller {
    Caller::Partner(user(store, role))
}

/// A reservation of `quantity` D2s v5 in East US for `term`, as Contoso's Owner asks for it.
fn request(store: &PartnerStore, id: u128, quantity: u32, term: Term) -> ReservationRequest {
    let azure = store.my_azure_subscriptions(&CustomerUpn::new(MEGAN)).unwrap()[0].azure_subscription_id;
    ReservationRequest {
        id: ReservationOrderId::from_uuid(Uuid::from_u128(id)),
        size: VmSize::StandardD2sV5,
        region: Region::EastUs,
        term,
        billing_plan: BillingPlan::Upfront,
        quantity,
        billing_subscription: azure,
        scope: AppliedScope::Shared,
        renew: false,
        display_name: format!("Build agents {id}"),
    }
}

/// Megan buys it on `day`.
fn buy(store: &mut PartnerStore, id: u128, quantity: u32, term: Term, day: i64) -> ReservationOrderId {
    let asked = request(store, id, quantity, term);
    let decided = store.decide_reservation_purchase(&CustomerUpn::new(MEGAN), asked.clone(), &on_day(day));
    apply(store, decided).unwrap();
    asked.id
}

fn reservation_of(store: &PartnerStore, id: ReservationOrderId) -> domain::Reservation {
    store.reservation(&megan(), &id).unwrap()
}

#[test]
fn a_refund_is_the_remaining_prorated_value_capped_per_customer_in_any_rolling_12_months() {
    let mut store = store();
    let admin = partner(&store, PartnerRole::AdminAgent);
    let big = buy(&mut store, 1, 1000, Term::ThreeYears, 0);
    let whole = reservation_of(&store, big).price.total;

    // At the start, one instance is worth its whole price; half way through, half of it.
    let unit = store.quote_refund(&admin, &big, 1, on_day(0).now()).unwrap().refund;
    assert!(whole.per(1000).minus(unit) <= Usd::from_cents(1), "{unit:?} of {whole:?}");
    let half = store.quote_refund(&admin, &big, 1, on_day(548).now()).unwrap().refund;
    assert!(unit.per(2).minus(half) <= Usd::from_cents(200) && half.minus(unit.per(2)) <= Usd::from_cents(200), "{half:?} ≈ {unit:?} / 2");

    // Just inside the limit: as many instances as it allows.
    let inside = (REFUND_LIMIT.micros() / unit.micros()) as u32;
    let quote = store.quote_refund(&admin, &big, inside, on_day(0).now()).unwrap();
    assert!(quote.within_limit() && quote.consumed == Usd::ZERO && quote.limit == REFUND_LIMIT, "{quote:?}");
    act(&mut store, |s| s.decide_return(&admin, &big, inside, None, &on_day(0))).unwrap();
    assert_eq!(reservation_of(&store, big).quantity, 1000 - inside);
    assert_eq!(reservation_of(&store, big).status, BenefitStatus::Succeeded, "part of it stays");

    // One more instance is beyond it: refused, naming the limit, and nothing changes.
    let quote = store.quote_refund(&admin, &big, 1, on_day(1).now()).unwrap();
    assert!(!quote.within_limit());
    assert_eq!(quote.remaining(), REFUND_LIMIT.minus(quote.consumed));
    let refused = store.decide_return(&admin, &big, 1, None, &on_day(1));
    assert!(matches!(refused, Err(DomainError::RefundLimitExceeded { limit, .. }) if limit == REFUND_LIMIT), "{refused:?}");
    assert_eq!(reservation_of(&store, big).quantity, 1000 - inside);

    // A year and a day later, the first refund is out of the rolling 12 months.
    let later = store.quote_refund(&admin, &big, 1, on_day(367).now()).unwrap();
    assert_eq!(later.consumed, Usd::ZERO);
    act(&mut store, |s| s.decide_return(&admin, &big, 1, None, &on_day(367))).unwrap();

    // The Activity log has each return, before and after, by the Admin agent.
    let log = whole_log(&store);
    assert_eq!(log[0].action, ActivityAction::CancelReservation);
    assert!(matches!(&log[0].detail, Some(ActivityDetail::Return { quantity_before, quantity_after, .. })
        if *quantity_before == 1000 - inside && *quantity_after == 999 - inside));

    // All of the rest cancels it.
    let rest = reservation_of(&store, big).quantity;
    let small = store.quote_refund(&admin, &big, rest, on_day(368).now()).unwrap();
    assert!(!small.within_limit(), "still a large refund");
    let tiny = buy(&mut store, 2, 1, Term::OneYear, 368);
    act(&mut store, |s| s.decide_return(&admin, &tiny, 1, None, &on_day(369))).unwrap();
    assert_eq!(reservation_of(&store, tiny).status, BenefitStatus::Cancelled);
    assert_eq!(store.decide_return(&admin, &tiny, 1, None, &on_day(370)), Err(DomainError::BenefitNotActive));
}

#[test]
fn an_exchange_is_worth_at_least_what_is_returned_and_is_not_a_refund() {
    let mut store = store();
    let admin = partner(&store, PartnerRole::AdminAgent);
    let old = buy(&mut store, 10, 4, Term::OneYear, 0);

    // Something cheaper than what is returned: refused.
    let mut cheaper = request(&store, 11, 1, Term::OneYear);
    cheaper.size = VmSize::StandardB2ms;
    let refused = store.decide_exchange(&admin, &old, 4, cheaper, None, &on_day(30));
    assert!(matches!(refused, Err(DomainError::ExchangeBelowReturnedValue { .. })), "{refused:?}");

    // Bigger machines for the same four: the difference is payable, no refund counted.
    let mut bigger = request(&store, 12, 4, Term::OneYear);
    bigger.size = VmSize::StandardD4sV5;
    let quote = store.quote_exchange(&admin, &old, 4, bigger.clone(), on_day(30).now()).unwrap();
    assert!(quote.is_allowed() && quote.net_payable() == quote.purchase_total.minus(quote.returned_value));
    act(&mut store, |s| s.decide_exchange(&admin, &old, 4, bigger, None, &on_day(30))).unwrap();
    assert_eq!(reservation_of(&store, old).status, BenefitStatus::Cancelled);
    let new = reservation_of(&store, ReservationOrderId::from_uuid(Uuid::from_u128(12)));
    assert_eq!((new.size, new.quantity, new.status), (VmSize::StandardD4sV5, 4, BenefitStatus::Succeeded));
    assert_eq!(new.purchased_by.as_str(), MEGAN, "still the customer's");
    assert_eq!(store.quote_refund(&admin, &new.id, 1, on_day(31).now()).unwrap().consumed, Usd::ZERO);

    // Its order is placed by the partner's staff, and the log has the exchange.
    let bought = store.purchased_benefits(&admin, None).unwrap();
    let row = bought.iter().find(|b| b.item.id() == BenefitId::Reservation(new.id)).unwrap();
    assert!(matches!(&row.placed_by, PlacedBy::Partner(_)));
    assert_eq!(whole_log(&store)[0].action, ActivityAction::ExchangeReservation);
}

#[test]
fn savings_plans_renew_and_rename_but_are_never_cancelled_or_exchanged() {
    let mut store = store();
    let admin = partner(&store, PartnerRole::AdminAgent);
    let plan = store
        .purchased_benefits(&admin, None)
        .unwrap()
        .into_iter()
        .find_map(|b| match b.item {
            BenefitItem::SavingsPlan(p) => Some(p),
            BenefitItem::Reservation(_) => None,
        })
        .expect("the demo has a savings plan");
    let id = BenefitId::SavingsPlan(plan.id);
    let decided = store.decide_benefit_settings(&admin, id, !plan.renew, Some("Compute, renamed"), None, &on_day(1));
    apply(&mut store, decided).unwrap();
    let after = store.purchased_benefits(&admin, Some(&plan.customer_id)).unwrap();
    let after = after.iter().find(|b| b.item.id() == id).unwrap().item.benefit().clone();
    assert_eq!((after.renew, after.display_name.as_str()), (!plan.renew, "Compute, renamed"));
    assert_eq!(whole_log(&store)[0].action, ActivityAction::UpdateSavingsPlan);
    assert_eq!(store.refuse_savings_plan_return(&admin, &plan.id), DomainError::SavingsPlanNotReturnable);
    // Nothing to change: nothing is kept.
    assert_eq!(store.decide_benefit_settings(&admin, id, !plan.renew, None, None, &on_day(2)), Ok(None));
    assert_eq!(
        store.refuse_savings_plan_return(&admin, &SavingsPlanOrderId::from_uuid(Uuid::from_u128(9))),
        DomainError::UnknownSavingsPlan(Uuid::from_u128(9).to_string())
    );
}

#[test]
fn only_admin_agents_manage_and_a_customer_is_told_to_ask_the_partner() {
    let mut store = store();
    let id = buy(&mut store, 20, 2, Term::OneYear, 0);
    for role in [PartnerRole::SalesAgent, PartnerRole::HelpdeskAgent] {
        let agent = partner(&store, role);
        assert!(matches!(store.decide_return(&agent, &id, 1, None, &on_day(1)), Err(DomainError::NotAllowedToManagePurchases { .. })));
        assert!(store.quote_refund(&agent, &id, 1, on_day(1).now()).is_ok(), "they see the quote, read-only");
    }
    let ask = DomainError::AskYourPartner {
        partner_name: "Adatum Cloud Services".to_string(),
        partner_email: "csp-support@adatum.com".to_string(),
    };
    assert_eq!(store.decide_return(&megan(), &id, 1, None, &on_day(1)), Err(ask.clone()));
    assert_eq!(store.decide_benefit_settings(&megan(), BenefitId::Reservation(id), true, None, None, &on_day(1)), Err(ask.clone()));
    assert_eq!(store.quote_refund(&megan(), &id, 1, on_day(1).now()), Err(ask));
    assert_eq!(reservation_of(&store, id).quantity, 2, "nothing changed");
}

#[test]
fn turning_the_permission_off_stops_new_purchases_only() {
    let mut store = store();
    let admin_id = admin(&store);
    let admin = Caller::Partner(admin_id.clone());
    let id = buy(&mut store, 30, 1, Term::OneYear, 0);
    let contoso = customer(&store, "Contoso Ltd");
    switch(&mut store, &admin_id, &contoso, Permission::AzureReservations, false, &on_day(1)).unwrap();
    let listed = store.purchased_benefits(&admin, Some(&contoso)).unwrap();
    assert!(listed.iter().any(|b| b.item.id() == BenefitId::Reservation(id)), "what was bought stays");
    act(&mut store, |s| s.decide_benefit_settings(&admin, BenefitId::Reservation(id), true, None, None, &on_day(2))).unwrap();
    assert!(reservation_of(&store, id).renew, "and is still managed by the partner");
    let again = request(&store, 31, 1, Term::OneYear);
    assert!(matches!(
        store.decide_reservation_purchase(&CustomerUpn::new(MEGAN), again, &on_day(3)),
        Err(DomainError::PurchaseNotAllowed { .. })
    ));
}

#[test]
fn a_request_is_approved_by_doing_what_it_asks_or_declined_with_a_reason() {
    let mut store = store();
    let admin = partner(&store, PartnerRole::AdminAgent);
    let sales = partner(&store, PartnerRole::SalesAgent);
    let id = buy(&mut store, 40, 2, Term::OneYear, 0);
    let benefit = BenefitId::Reservation(id);
    let first = RequestId::from_uuid(Uuid::from_u128(401));

    // Megan asks to cancel; asking again while it waits is refused.
    act(&mut store, |s| s.decide_request(&megan(), first, benefit, RequestKind::Cancel, "We moved to containers.", &on_day(1))).unwrap();
    let again = store.decide_request(&megan(), RequestId::from_uuid(Uuid::from_u128(402)), benefit, RequestKind::Cancel, "", &on_day(1));
    assert_eq!(again, Err(DomainError::RequestPending));
    assert_eq!(store.decide_request(&admin, RequestId::from_uuid(Uuid::from_u128(403)), benefit, RequestKind::Cancel, "", &on_day(1)), Err(DomainError::CustomerUsersOnly));

    // Declining needs an Admin agent and a reason.
    assert!(matches!(store.decide_decline(&sales, &first, "No.", &on_day(2)), Err(DomainError::NotAllowedToManagePurchases { .. })));
    assert_eq!(store.decide_decline(&admin, &first, "  ", &on_day(2)), Err(DomainError::InvalidRequestText(RequestTextProblem::Empty)));
    act(&mut store, |s| s.decide_decline(&admin, &first, "The term ends next month anyway.", &on_day(2))).unwrap();
    let seen = store.requests(&megan(), None).unwrap();
    assert!(matches!(&seen[0].status, RequestStatus::Declined { reason, .. } if reason == "The term ends next month anyway."));
    assert_eq!(store.decide_decline(&admin, &first, "Again", &on_day(2)), Err(DomainError::RequestDecided));

    // Asked to turn auto-renew on: doing something else does not approve it; renewing does.
    let renew = RequestId::from_uuid(Uuid::from_u128(404));
    act(&mut store, |s| s.decide_request(&megan(), renew, benefit, RequestKind::Renew { on: true }, "", &on_day(3))).unwrap();
    assert_eq!(store.decide_return(&admin, &id, 1, Some(renew), &on_day(4)), Err(DomainError::RequestMismatch));
    act(&mut store, |s| s.decide_benefit_settings(&admin, benefit, true, None, Some(renew), &on_day(4))).unwrap();
    let status = |store: &PartnerStore, id: RequestId| store.requests(&admin, None).unwrap().into_iter().find(|r| r.id == id).unwrap().status;
    assert!(matches!(status(&store, renew), RequestStatus::Approved { .. }));

    // Asked to cancel: approved by the return, refunded, the reservation cancelled.
    let cancel = RequestId::from_uuid(Uuid::from_u128(405));
    act(&mut store, |s| s.decide_request(&megan(), cancel, benefit, RequestKind::Cancel, "", &on_day(5))).unwrap();
    act(&mut store, |s| s.decide_return(&admin, &id, 2, Some(cancel), &on_day(6))).unwrap();
    assert!(matches!(status(&store, cancel), RequestStatus::Approved { .. }));
    assert_eq!(reservation_of(&store, id).status, BenefitStatus::Cancelled);
}

#[test]
fn a_request_beyond_the_refund_limit_cannot_be_approved() {
    let mut store = store();
    let admin = partner(&store, PartnerRole::AdminAgent);
    let big = buy(&mut store, 50, 1000, Term::ThreeYears, 0);
    let unit = store.quote_refund(&admin, &big, 1, on_day(0).now()).unwrap().refund;
    let inside = (REFUND_LIMIT.micros() / unit.micros()) as u32;
    act(&mut store, |s| s.decide_return(&admin, &big, inside, None, &on_day(0))).unwrap();
    let other = buy(&mut store, 51, 2, Term::ThreeYears, 1);
    let cancel = RequestId::from_uuid(Uuid::from_u128(501));
    act(&mut store, |s| s.decide_request(&megan(), cancel, BenefitId::Reservation(other), RequestKind::Cancel, "", &on_day(2))).unwrap();
    assert!(matches!(store.decide_return(&admin, &other, 2, Some(cancel), &on_day(3)), Err(DomainError::RefundLimitExceeded { .. })));
    let pending = store.requests(&admin, None).unwrap().into_iter().find(|r| r.id == cancel).unwrap();
    assert_eq!(pending.status, RequestStatus::Pending, "still waiting");
}

/// What the lifecycle keeps survives a snapshot (the mock API's data file, data carried over
/// in the browser): the same reservations, requests and refunds.
#[test]
fn the_lifecycle_is_kept_in_a_snapshot() {
    let mut store = store();
    let admin = partner(&store, PartnerRole::AdminAgent);
    let id = buy(&mut store, 60, 3, Term::OneYear, 0);
    act(&mut store, |s| s.decide_return(&admin, &id, 1, None, &on_day(1))).unwrap();
    act(&mut store, |s| s.decide_request(&megan(), RequestId::from_uuid(Uuid::from_u128(601)), BenefitId::Reservation(id), RequestKind::Renew { on: true }, "Please", &on_day(2))).unwrap();
    let copy = PartnerStore::from_snapshot(store.snapshot());
    assert_eq!(copy.reservation(&megan(), &id), store.reservation(&megan(), &id));
    assert_eq!(copy.requests(&admin, None), store.requests(&admin, None));
    assert_eq!(
        copy.quote_refund(&admin, &id, 1, on_day(3).now()).map(|q| q.consumed),
        store.quote_refund(&admin, &id, 1, on_day(3).now()).map(|q| q.consumed)
    );
}

/// Keeps every expiry due at `clock`'s time, as a backend's timer does: the purchases of
/// Megan's company that ended, in order.
fn pass_time(store: &mut PartnerStore, clock: &FixedClock) -> Vec<BenefitId> {
    let contoso = store.customer_user(&CustomerUpn::new(MEGAN)).unwrap().0.id;
    let mut ended = Vec::new();
    while let Some(change) = store.decide_next_expiry(clock).unwrap() {
        if let Change::BenefitExpired(expiry) = &change {
            if expiry.customer_id == contoso {
                ended.push(expiry.ended);
            }
        }
        store.apply(change);
    }
    ended
}

#[test]
fn at_its_expiry_a_reservation_that_renews_is_followed_by_the_same_one_billed_to_the_partner() {
    let mut store = store();
    let mut asked = request(&store, 21, 3, Term::OneYear);
    asked.renew = true;
    act(&mut store, |s| s.decide_reservation_purchase(&CustomerUpn::new(MEGAN), asked.clone(), &on_day(0))).unwrap();
    let bought = reservation_of(&store, asked.id);
    assert_eq!(pass_time(&mut store, &on_day(300)), [], "nothing ends before its expiry");

    // Two terms later, both the reservation and its first renewal have ended: two renewals.
    let two_years_on = FixedClock::new(bought.expiry + Duration::days(400));
    let ended = pass_time(&mut store, &two_years_on);
    assert_eq!(ended.len(), 2);
    assert_eq!(ended[0], BenefitId::Reservation(asked.id));
    assert_eq!(store.decide_next_expiry(&two_years_on), Ok(None), "each is decided once");

    let ended = reservation_of(&store, asked.id);
    assert_eq!(ended.status, BenefitStatus::Expired);
    let Some(BenefitId::Reservation(first)) = ended.renewed_as else { panic!("renewed: {ended:?}") };
    let first = reservation_of(&store, first);
    assert_eq!(
        (first.size, first.region, first.scope, first.term, first.quantity, first.display_name.as_str(), first.renew),
        (bought.size, bought.region, bought.scope, bought.term, bought.quantity, bought.display_name.as_str(), true)
    );
    assert_eq!((first.effective, first.renewed_from), (bought.expiry, Some(BenefitId::Reservation(asked.id))));
    assert_eq!(first.status, BenefitStatus::Expired);
    let Some(BenefitId::Reservation(second)) = first.renewed_as else { panic!("renewed again: {first:?}") };
    let second = reservation_of(&store, second);
    assert_eq!((second.status, second.effective), (BenefitStatus::Succeeded, first.expiry));

    // Each renewal is an order the partner is billed by, placed as the first one was, and in
    // the Activity log on the day it started.
    let orders = store.orders(&user(&store, PartnerRole::AdminAgent), &bought.customer_id).unwrap();
    let order = orders.iter().find(|o| o.id == second.order_id).expect("the renewal's order");
    assert_eq!((order.placed_by.clone(), order.creation_date), (PlacedBy::Customer(CustomerUpn::new(MEGAN)), first.expiry));
    assert_eq!(order.total(), second.price.total);
    let log = whole_log(&store);
    assert!(log.iter().any(|r| r.action == ActivityAction::CreateOrder
        && r.at == first.expiry
        && matches!(&r.detail, Some(ActivityDetail::Order { order_id, .. }) if *order_id == second.order_id)));
}

#[test]
fn at_its_expiry_a_purchase_that_does_not_renew_just_ends() {
    let mut store = store();
    let admin = partner(&store, PartnerRole::AdminAgent);
    let id = buy(&mut store, 22, 1, Term::OneYear, 0);
    let bought = reservation_of(&store, id);
    let orders_before = store.orders(&user(&store, PartnerRole::AdminAgent), &bought.customer_id).unwrap().len();
    let contoso_records = |store: &PartnerStore| whole_log(store).iter().filter(|r| r.customer_id == bought.customer_id).count();
    let records_before = contoso_records(&store);
    assert_eq!(pass_time(&mut store, &FixedClock::new(bought.expiry)), [BenefitId::Reservation(id)]);
    let ended = reservation_of(&store, id);
    assert_eq!((ended.status, ended.renewed_as), (BenefitStatus::Expired, None));
    assert_eq!(store.orders(&user(&store, PartnerRole::AdminAgent), &bought.customer_id).unwrap().len(), orders_before, "nothing billed");
    assert_eq!(contoso_records(&store), records_before);
    // An ended reservation is no longer managed.
    assert_eq!(
        store.decide_benefit_settings(&admin, BenefitId::Reservation(id), true, None, None, &FixedClock::new(bought.expiry)),
        Err(DomainError::BenefitNotActive)
    );
}

#[test]
fn a_savings_plan_that_renews_is_followed_by_one_with_the_same_commitment() {
    let mut store = store();
    let admin = partner(&store, PartnerRole::AdminAgent);
    let plan = store
        .purchased_benefits(&admin, None)
        .unwrap()
        .into_iter()
        .find_map(|b| match b.item {
            BenefitItem::SavingsPlan(p) => Some(p),
            BenefitItem::Reservation(_) => None,
        })
        .expect("the demo has a savings plan");
    act(&mut store, |s| s.decide_benefit_settings(&admin, BenefitId::SavingsPlan(plan.id), true, None, None, &on_day(1))).unwrap();
    pass_time(&mut store, &FixedClock::new(plan.expiry + Duration::days(1)));
    let ended = store.savings_plan(&admin, &plan.id).unwrap();
    let Some(BenefitId::SavingsPlan(next)) = ended.renewed_as else { panic!("renewed: {ended:?}") };
    let next = store.savings_plan(&admin, &next).unwrap();
    assert_eq!(
        (next.hourly_commitment, next.term, next.scope, next.effective, next.status),
        (plan.hourly_commitment, plan.term, plan.scope, plan.expiry, BenefitStatus::Succeeded)
    );
    assert_ne!(next.alias, plan.alias);
    assert_eq!(store.savings_plan_by_alias(&admin, &next.alias).map(|p| p.id), Ok(next.id));
}

#[test]
fn expiries_and_renewals_are_kept_in_a_snapshot() {
    let mut store = store();
    let mut asked = request(&store, 23, 2, Term::OneYear);
    asked.renew = true;
    act(&mut store, |s| s.decide_reservation_purchase(&CustomerUpn::new(MEGAN), asked.clone(), &on_day(0))).unwrap();
    let expiry = reservation_of(&store, asked.id).expiry;
    pass_time(&mut store, &FixedClock::new(expiry + Duration::days(1)));
    let again = PartnerStore::from_snapshot(store.snapshot());
    assert_eq!(reservation_of(&again, asked.id), reservation_of(&store, asked.id));
    assert_eq!(again.decide_next_expiry(&FixedClock::new(expiry + Duration::days(1))), Ok(None));
}
