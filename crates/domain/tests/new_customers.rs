//! Creating customers: who may, what is accepted, and that they survive a snapshot.

use domain::{DemoSpec, DomainError, NewCustomer, PartnerRole, PartnerStore, PartnerUserId};
use time::macros::datetime;

fn store() -> PartnerStore {
    PartnerStore::demo(DemoSpec::new(0, datetime!(2026-11-20 09:30 UTC)))
}

fn user(store: &PartnerStore, role: PartnerRole) -> PartnerUserId {
    store.partner_users().iter().find(|u| u.role == role).unwrap().id.clone()
}

#[test]
fn admin_and_sales_agents_create_customers_that_are_searchable_and_off() {
    let mut store = store();
    for (role, name, domain) in [(PartnerRole::AdminAgent, "Northwind Health", "northwindhealth"), (PartnerRole::SalesAgent, "Zava Corp", "zava.com")] {
        let actor = user(&store, role);
        let new = NewCustomer::parse(name, domain, "billing@example.com").unwrap();
        let customer = store.create_customer(&actor, new).unwrap();
        assert_eq!(store.customer(&customer.id).unwrap(), &customer);
        assert_eq!(store.customers_page(name, 0, 5).items[0].id, customer.id);
        assert!(store.customers_page(name, 0, 5).items[0].permissions.is_empty(), "Off by default");
        assert!(!store.readiness(&customer.id).unwrap().has_azure_subscription());
    }
    assert_eq!(store.customer_count(), 27);
    assert_eq!(store.customers_page("northwindhealth.onmicrosoft.com", 0, 5).total, 1, "a prefix becomes an onmicrosoft.com domain");
}

#[test]
fn helpdesk_agents_taken_domains_and_bad_details_are_refused() {
    let mut store = store();
    let helpdesk = user(&store, PartnerRole::HelpdeskAgent);
    let admin = user(&store, PartnerRole::AdminAgent);
    let ok = || NewCustomer::parse("New Co", "newco", "a@b.com").unwrap();
    assert_eq!(
        store.create_customer(&helpdesk, ok()),
        Err(DomainError::NotAllowedToCreateCustomers { user: helpdesk.clone(), role: PartnerRole::HelpdeskAgent })
    );
    let taken = NewCustomer::parse("Another Contoso", "CONTOSO", "a@b.com").unwrap();
    assert_eq!(store.create_customer(&admin, taken), Err(DomainError::DomainTaken("contoso.onmicrosoft.com".into())));
    assert_eq!(store.customer_count(), 25, "nothing was created");

    for (name, domain, email) in [
        ("", "x", "a@b.com"),
        ("   ", "x", "a@b.com"),
        (&"n".repeat(201), "x", "a@b.com"),
        ("Tab\tCo", "x", "a@b.com"),
        ("Co", "bad domain", "a@b.com"),
        ("Co", "-x.com", "a@b.com"),
        ("Co", "<script>", "a@b.com"),
        ("Co", "x", "not-an-email"),
        ("Co", "x", "a b@c.com"),
    ] {
        assert!(matches!(NewCustomer::parse(name, domain, email), Err(DomainError::InvalidNewCustomer(_))), "{name:?} {domain:?} {email:?}");
    }
    // Non-Latin and markup-looking names are just text.
    assert!(NewCustomer::parse("<b>株式会社</b> Ελλάδα", "kabushiki", "a@b.com").is_ok());
}

#[test]
fn created_customers_survive_a_snapshot_and_one_that_cannot_be_kept_is_gone() {
    let mut store = PartnerStore::demo(DemoSpec::new(100, datetime!(2026-11-20 09:30 UTC)));
    let admin = user(&store, PartnerRole::AdminAgent);
    let kept = store.create_customer(&admin, NewCustomer::parse("Kept Ltd", "kept", "a@b.com").unwrap()).unwrap();
    let mut undone = None;
    let refused = store.create_customer_kept(&admin, NewCustomer::parse("Undone Ltd", "undone", "a@b.com").unwrap(), |store, customer| {
        assert!(store.customer(&customer.id).is_ok(), "keep sees the store with the customer");
        undone = Some(customer.id);
        Err(DomainError::DomainTaken("undone".to_string()))
    });
    assert!(refused.is_err());
    let undone = undone.expect("keep was asked");
    assert!(store.customer(&undone).is_err());
    assert_eq!(store.customers_page("undone", 0, 5).total, 0);

    let json = serde_json::to_string(&store.snapshot()).unwrap();
    let restored = PartnerStore::from_snapshot(serde_json::from_str(&json).unwrap());
    assert_eq!(restored.customer(&kept.id).unwrap(), &kept);
    assert_eq!(restored.customer_count(), 25 + 100 + 1);

    // Data saved before customers could be created still loads.
    let mut old: serde_json::Value = serde_json::from_str(&json).unwrap();
    old.as_object_mut().unwrap().remove("added_customers");
    let restored = PartnerStore::from_snapshot(serde_json::from_value(old).unwrap());
    assert_eq!(restored.customer_count(), 125);
}
