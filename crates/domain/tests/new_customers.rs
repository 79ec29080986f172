//! Creating customers: who may, what is accepted, and that they survive a snapshot.

mod support;

use domain::{Change, DemoSpec, DomainError, NewCustomer, NewCustomerProblem, PartnerRole, PartnerStore};
use support::*;

fn create(store: &mut PartnerStore, role: PartnerRole, new: NewCustomer) -> Result<domain::Customer, DomainError> {
    let change = store.decide_create_customer(&user(store, role), new)?;
    let Change::CustomerCreated(customer) = &change else { panic!("{change:?}") };
    let customer = customer.clone();
    store.apply(change);
    Ok(customer)
}

#[test]
fn admin_and_sales_agents_create_customers_that_are_searchable_and_off() {
    let mut store = store();
    let admin = admin(&store);
    for (role, name, domain) in [(PartnerRole::AdminAgent, "Northwind Health", "northwindhealth"), (PartnerRole::SalesAgent, "Zava Corp", "zava.com")] {
        let new = NewCustomer::parse(name, domain, "billing@example.com").unwrap();
        let customer = create(&mut store, role, new).unwrap();
        assert_eq!(store.customer(&admin, &customer.id).unwrap(), &customer);
        let found = store.customers_page(&admin, name, 0, 5).unwrap();
        assert_eq!(found.items[0].id, customer.id);
        assert!(found.items[0].permissions.is_empty(), "Off by default");
        assert!(!store.readiness(&admin, &customer.id).unwrap().has_azure_subscription());
        assert!(store.customer_users(&admin, &customer.id).unwrap().is_empty());
    }
    assert_eq!(store.customer_count(), 26);
    assert_eq!(store.customers_page(&admin, "northwindhealth.onmicrosoft.com", 0, 5).unwrap().total, 1, "a prefix becomes an onmicrosoft.com domain");
}

#[test]
fn helpdesk_agents_taken_domains_and_bad_details_are_refused() {
    let store = store();
    let helpdesk = user(&store, PartnerRole::HelpdeskAgent);
    let ok = || NewCustomer::parse("New Co", "newco", "a@b.com").unwrap();
    assert_eq!(
        store.decide_create_customer(&helpdesk, ok()),
        Err(DomainError::NotAllowedToCreateCustomers { user: helpdesk.clone(), role: PartnerRole::HelpdeskAgent })
    );
    let taken = NewCustomer::parse("Another Contoso", "CONTOSO", "a@b.com").unwrap();
    assert_eq!(store.decide_create_customer(&admin(&store), taken), Err(DomainError::DomainTaken("contoso.onmicrosoft.com".into())));

    use NewCustomerProblem::*;
    for (name, domain, email, problem) in [
        ("", "x", "a@b.com", NameEmpty),
        ("   ", "x", "a@b.com", NameEmpty),
        (&"n".repeat(201), "x", "a@b.com", NameTooLong),
        ("Tab\tCo", "x", "a@b.com", NameHasControlCharacters),
        ("Co", "bad domain", "a@b.com", InvalidDomain),
        ("Co", "-x.com", "a@b.com", InvalidDomain),
        ("Co", "<script>", "a@b.com", InvalidDomain),
        ("Co", "x", "not-an-email", InvalidEmail),
        ("Co", "x", "a b@c.com", InvalidEmail),
    ] {
        assert_eq!(NewCustomer::parse(name, domain, email), Err(DomainError::InvalidNewCustomer(problem)), "{name:?} {domain:?} {email:?}");
    }
    // Markup-looking and non-Latin names are just text.
    assert!(NewCustomer::parse("<script>alert('pwned')</script> Hostile Strings & <b>Markup</b> Ltd", "hostilestrings", "a@b.com").is_ok());
    assert!(NewCustomer::parse("<b>株式会社</b> Ελλάδα", "kabushiki", "a@b.com").is_ok());
}

#[test]
fn created_customers_survive_a_snapshot() {
    let mut store = PartnerStore::demo(DemoSpec::new(100, T0));
    let admin = admin(&store);
    let kept = create(&mut store, PartnerRole::AdminAgent, NewCustomer::parse("Kept Ltd", "kept", "a@b.com").unwrap()).unwrap();

    let json = serde_json::to_string(&store.snapshot()).unwrap();
    let restored = PartnerStore::from_snapshot(serde_json::from_str(&json).unwrap());
    assert_eq!(restored.customer(&admin, &kept.id).unwrap(), &kept);
    assert_eq!(restored.customer_count(), 24 + 100 + 1);

    // Data saved before customers could be created still loads.
    let mut old: serde_json::Value = serde_json::from_str(&json).unwrap();
    old.as_object_mut().unwrap().remove("added_customers");
    let restored = PartnerStore::from_snapshot(serde_json::from_value(old).unwrap());
    assert_eq!(restored.customer_count(), 124);
}
