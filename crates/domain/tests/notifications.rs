//! The partner's notifications: a customer user's own purchases (not renewals, not the
//! partner's orders or exchanges) and customers' requests, newest first; read state kept per
//! partner user, as a change like any, so a snapshot brings it back.

mod support;

use domain::{
    AppliedScope, BenefitId, BillingPlan, Caller, Change, CustomerUpn, DomainError, FixedClock, MarkRead,
    NotificationAbout, NotificationId, PartnerRole, PartnerStore, Region, RequestId, RequestKind, ReservationOrderId,
    ReservationRequest, Term, VmSize,
};
use support::*;
use time::Duration;
use uuid::Uuid;

const MEGAN: &str = "meganb@contoso.onmicrosoft.com";

fn partner(store: &PartnerStore, role: PartnerRole) -> Caller {
    Caller::Partner(user(store, role))
}

fn keep(store: &mut PartnerStore, decided: Result<Option<Change>, DomainError>) {
    if let Some(change) = decided.expect("the rules allow it") {
        store.apply(change);
    }
}

/// Megan (Contoso's Owner) buys a reservation an hour after the demo starts.
fn megan_buys(store: &mut PartnerStore, id: u128) -> ReservationOrderId {
    let upn = CustomerUpn::new(MEGAN);
    let azure = store.my_azure_subscriptions(&upn).unwrap()[0].azure_subscription_id;
    let request = ReservationRequest {
        id: ReservationOrderId::from_uuid(Uuid::from_u128(id)),
        size: VmSize::StandardD2sV5,
        region: Region::EastUs,
        term: Term::OneYear,
        billing_plan: BillingPlan::Upfront,
        quantity: 3,
        billing_subscription: azure,
        scope: AppliedScope::Shared,
        renew: false,
        display_name: "Build agents".to_string(),
    };
    let decided = store.decide_reservation_purchase(&upn, request.clone(), &FixedClock::new(T0 + Duration::hours(1)));
    keep(store, decided);
    request.id
}

#[test]
fn the_demo_purchases_are_the_first_unread_notifications_and_renewals_are_not_told() {
    let store = store();
    let admin = partner(&store, PartnerRole::AdminAgent);
    let feed = store.notifications(&admin).unwrap();
    let names: Vec<(&str, bool)> = feed
        .items
        .iter()
        .map(|n| match &n.about {
            NotificationAbout::Purchase { display_name, .. } => (display_name.as_str(), n.read),
            NotificationAbout::Request { benefit_name, .. } => (benefit_name.as_str(), n.read),
        })
        .collect();
    // Newest first: Litware's savings plan (2 hours ago), Wide World's reservation (3 hours
    // ago), Wide World's reservation bought 400 days ago (its renewal a month ago is not told).
    assert_eq!(
        names,
        [("Litware compute", false), ("Web front ends, West Europe", false), ("Batch workers, Frankfurt", false)]
    );
    assert_eq!(feed.unread, 3);
    let first = &feed.items[0];
    assert_eq!(first.customer_name, "Litware Inc");
    assert_eq!(first.by.as_str(), "miriamg@litware.onmicrosoft.com");
    match &first.about {
        NotificationAbout::Purchase { order_id, amount, product, .. } => {
            let orders = store.orders(&user(&store, PartnerRole::AdminAgent), &first.customer_id).unwrap();
            let order = orders.iter().find(|o| o.id == *order_id).expect("its order is in the customer's Order history");
            assert_eq!(*amount, order.total(), "the amount billed to the partner");
            assert!(!product.is_empty());
            assert_eq!(first.id, NotificationId::from_uuid(order_id.as_uuid()));
        }
        other => panic!("a purchase, not {other:?}"),
    }
}

#[test]
fn a_customer_users_purchase_and_request_are_told_and_the_partners_orders_are_not() {
    let mut store = store();
    let admin = partner(&store, PartnerRole::AdminAgent);
    let bought = megan_buys(&mut store, 0x501);
    let feed = store.notifications(&admin).unwrap();
    assert_eq!(feed.unread, 4);
    assert!(matches!(&feed.items[0].about, NotificationAbout::Purchase { benefit: BenefitId::Reservation(id), .. } if *id == bought));
    assert_eq!(feed.items[0].by.as_str(), MEGAN);

    let asked = RequestId::from_uuid(Uuid::from_u128(0x502));
    let megan = Caller::Customer(CustomerUpn::new(MEGAN));
    let later = FixedClock::new(T0 + Duration::hours(2));
    let decided = store.decide_request(&megan, asked, BenefitId::Reservation(bought), RequestKind::Exchange, "", &later);
    keep(&mut store, decided);
    let feed = store.notifications(&admin).unwrap();
    assert_eq!(feed.unread, 5);
    assert!(matches!(&feed.items[0].about, NotificationAbout::Request { request, kind: RequestKind::Exchange, .. } if *request == asked));

    // The partner exchanging it places an order of its own: not a notification.
    let exchange = store.reservation(&admin, &bought).unwrap();
    let new = ReservationRequest {
        id: ReservationOrderId::from_uuid(Uuid::from_u128(0x503)),
        size: exchange.size,
        region: exchange.region,
        term: exchange.term,
        billing_plan: exchange.billing_plan,
        quantity: 4,
        billing_subscription: exchange.billing_subscription,
        scope: exchange.scope,
        renew: false,
        display_name: "Bigger".to_string(),
    };
    let decided = store.decide_exchange(&admin, &bought, 3, new, Some(asked), &FixedClock::new(T0 + Duration::hours(3)));
    keep(&mut store, decided);
    assert_eq!(store.notifications(&admin).unwrap().items.len(), 5, "an exchange is the partner's own order");
}

#[test]
fn read_state_is_kept_per_partner_user_and_only_partner_users_have_notifications() {
    let mut store = store();
    let admin = partner(&store, PartnerRole::AdminAgent);
    let sales = partner(&store, PartnerRole::SalesAgent);
    let clock = FixedClock::new(T0);
    let megan = Caller::Customer(CustomerUpn::new(MEGAN));
    assert_eq!(store.notifications(&megan), Err(DomainError::PartnerUsersOnly));
    assert_eq!(store.decide_mark_read(&megan, MarkRead::All, &clock), Err(DomainError::PartnerUsersOnly));

    let feed = store.notifications(&admin).unwrap();
    let one = feed.items[1].id;
    let decided = store.decide_mark_read(&admin, MarkRead::Only(vec![one, NotificationId::from_uuid(Uuid::from_u128(7))]), &clock);
    keep(&mut store, decided);
    let feed = store.notifications(&admin).unwrap();
    assert_eq!(feed.unread, 2);
    assert!(feed.items[1].read && !feed.items[0].read);
    assert_eq!(store.notifications(&sales).unwrap().unread, 3, "each partner user reads their own");

    // Marking again, or an id of nothing, changes nothing.
    assert_eq!(store.decide_mark_read(&admin, MarkRead::Only(vec![one]), &clock), Ok(None));
    assert_eq!(store.decide_mark_read(&admin, MarkRead::Only(vec![NotificationId::from_uuid(Uuid::from_u128(7))]), &clock), Ok(None));

    let decided = store.decide_mark_read(&admin, MarkRead::All, &clock);
    keep(&mut store, decided);
    assert_eq!(store.notifications(&admin).unwrap().unread, 0);
    assert_eq!(store.decide_mark_read(&admin, MarkRead::All, &clock), Ok(None), "nothing left unread");

    // Something new after all were marked read is unread.
    megan_buys(&mut store, 0x601);
    let feed = store.notifications(&admin).unwrap();
    assert_eq!(feed.unread, 1);
    assert!(!feed.items[0].read && feed.items[1..].iter().all(|n| n.read));
}

#[test]
fn read_state_survives_a_snapshot() {
    let mut store = store();
    let admin = partner(&store, PartnerRole::AdminAgent);
    let decided = store.decide_mark_read(&admin, MarkRead::All, &FixedClock::new(T0));
    keep(&mut store, decided);
    let first = store.notifications(&admin).unwrap().items[0].id;
    megan_buys(&mut store, 0x701);
    let decided = store.decide_mark_read(&admin, MarkRead::Only(vec![first]), &FixedClock::new(T0));
    assert_eq!(decided, Ok(None), "read already");

    let restored = PartnerStore::from_snapshot(store.snapshot());
    assert_eq!(restored.notifications(&admin), store.notifications(&admin));
    assert_eq!(restored.notifications(&admin).unwrap().unread, 1);

    // A snapshot saved before notifications existed (JSON without them) still loads.
    let old = serde_json::to_string(&PartnerStore::demo(domain::DemoSpec::new(0, T0)).snapshot()).unwrap();
    let loaded = PartnerStore::from_snapshot(serde_json::from_str(&old).unwrap());
    assert_eq!(loaded.notifications(&admin).unwrap().unread, 3);
}
