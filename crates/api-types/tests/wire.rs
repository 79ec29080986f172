//! The wire types: their JSON names, and their conversions to and from the domain.

use api_types::audit::{AuditRecord, OperationType, PolicyValue};
use api_types::customer::{Customer, NewCustomer};
use api_types::customer_user::CustomerUser;
use api_types::demo::{token_for, DemoUser, Role};
use api_types::policy::{policy_id, NewPolicy, PolicyUpdate, SelfServeEntity, SelfServePolicy};
use api_types::readiness::Readiness;
use api_types::subscription::Subscription;
use api_types::{datetime, Collection, ErrorBody, ErrorCode};
use domain::{DemoSpec, PartnerStore, Permission, PermissionSet};
use serde_json::json;
use time::macros::datetime;

fn store() -> PartnerStore {
    PartnerStore::demo(DemoSpec::new(0, datetime!(2026-11-20 09:30 UTC)))
}

fn named(store: &PartnerStore, name: &str) -> domain::CustomerId {
    let admin = &store.partner_users()[0].id;
    store.customers_page(admin, name, 0, 5).unwrap().items.iter().find(|c| c.company_name == name).unwrap().id
}

#[test]
fn every_error_code_has_one_number_and_one_status() {
    for code in ErrorCode::ALL {
        assert_eq!(ErrorCode::from_code(code.code()), Some(*code));
        assert!((400..600).contains(&code.status()), "{code:?}");
        assert!(ErrorCode::table().contains(&format!("| {} | {} |", code.code(), code.status())), "{code:?}");
    }
    assert_eq!(ErrorCode::from_code(1), None);
    let body = ErrorBody::new(ErrorCode::StaleEtag, "stale");
    assert_eq!(serde_json::to_value(&body).unwrap(), json!({ "code": 2055, "description": "stale", "data": [], "source": "PartnerFD" }));
    // A body without `data` still reads.
    let read: ErrorBody = serde_json::from_value(json!({ "code": 600041, "description": "x", "source": "PartnerFD" })).unwrap();
    assert_eq!(read.error_code(), Some(ErrorCode::PolicyExists));
}

#[test]
fn demo_users_and_their_tokens() {
    let store = store();
    let users: Vec<DemoUser> = store.partner_users().iter().map(DemoUser::from_domain).collect();
    assert_eq!(users[0].token, "demo-alex.wilber");
    assert_eq!((users[0].role, users[0].role_name.as_str(), users[0].may_change_customer_permissions), (Role::AdminAgent, "Admin agent", true));
    assert_eq!(token_for(&store.partner_users()[3]), "demo-lidia.holloway");
    for (user, wire) in store.partner_users().iter().zip(&users) {
        assert_eq!(&wire.to_domain(), user);
    }
}

#[test]
fn a_policy_and_its_requests_in_partner_centers_names() {
    let store = store();
    let partner = store.partner().tenant_id;
    let admin = &store.partner_users()[0].id;
    let contoso = named(&store, "Contoso Ltd");
    let policy = SelfServePolicy::from_domain(partner, store.policy(admin, &contoso).unwrap().unwrap());
    let json = serde_json::to_value(&policy).unwrap();
    assert_eq!(json["id"], policy_id(partner, &contoso));
    assert_eq!(json["selfServeEntity"], json!({ "selfServeEntityType": "customer", "tenantID": contoso }));
    assert_eq!(json["grantor"], json!({ "grantorType": "billToPartner", "tenantID": partner }));
    assert_eq!(json["permissions"], json!([{ "resource": "AzureReservedInstances", "action": "Purchase" }]));
    assert_eq!(json["attributes"]["objectType"], "SelfServePolicy");
    assert_eq!(serde_json::from_value::<SelfServePolicy>(json).unwrap(), policy);
    assert_eq!(policy.permission_set(), [Permission::AzureReservations].into());

    // A request may leave out what Partner Center fills in, and spell tenantId either way.
    let entity: SelfServeEntity = serde_json::from_value(json!({ "tenantId": contoso })).unwrap();
    assert_eq!(entity.tenant_id, contoso);
    let both: PermissionSet = [Permission::AzureReservations, Permission::AzureSavingsPlan].into();
    let update = serde_json::to_value(PolicyUpdate::new(&policy, &both)).unwrap();
    assert_eq!(update["attributes"], json!({ "etag": policy.attributes.etag }));
    assert_eq!(update["permissions"].as_array().map(Vec::len), Some(2));
    let new = serde_json::to_value(NewPolicy::new(contoso, &both)).unwrap();
    assert_eq!(new["grantor"], json!({ "grantorType": "billToPartner" }), "no partner id in a request");
    assert!(serde_json::from_value::<NewPolicy>(json!({ "selfServeEntity": { "tenantID": contoso }, "permissions": [{ "resource": "AzureVMs", "action": "Purchase" }] })).is_err());
}

#[test]
fn reads_convert_back_to_what_the_domain_has() {
    let store = store();
    let admin = &store.partner_users()[0].id;
    let contoso = named(&store, "Contoso Ltd");

    let customer = store.customer(admin, &contoso).unwrap();
    let wire = Customer::from_domain(customer);
    assert_eq!((wire.billing_profile.language.as_str(), wire.company_profile.tenant_id), (customer.billing.culture.split('-').next().unwrap(), contoso));
    assert_eq!(&serde_json::from_str::<Customer>(&serde_json::to_string(&wire).unwrap()).unwrap().into_domain(), customer);

    for user in store.customer_users(admin, &contoso).unwrap() {
        let wire: CustomerUser = serde_json::from_value(serde_json::to_value(CustomerUser::from_domain(&user)).unwrap()).unwrap();
        assert_eq!(wire.into_domain(contoso), user);
    }

    for subscription in store.subscriptions(admin, &contoso).unwrap() {
        assert_eq!(Subscription::from_domain(subscription).into_domain(contoso).as_ref(), Some(subscription));
    }

    let readiness = store.readiness(admin, &contoso).unwrap();
    let back = Readiness::from_domain(contoso, &readiness).into_domain();
    assert_eq!(back.azure_subscriptions, readiness.azure_subscriptions);
    assert_eq!(back.owners.iter().map(|u| &u.id).collect::<Vec<_>>(), readiness.owners.iter().map(|u| &u.id).collect::<Vec<_>>());

    let far = time::Duration::days(4000);
    let at = datetime!(2026-11-20 09:30 UTC);
    let records = store.activity(admin, (at - far).date(), (at + far).date()).unwrap();
    assert!(!records.is_empty());
    for record in records {
        let wire = AuditRecord::from_domain(store.partner().tenant_id, &record, |v| serde_json::to_string(v).unwrap());
        assert_eq!(wire.operation_type, OperationType::from(record.action));
        assert_eq!(serde_json::from_str::<PolicyValue>(&wire.resource_new_value).unwrap(), PolicyValue::of(&record.new_value));
        assert_eq!(wire.into_domain(|text| serde_json::from_str(text).ok()), Some(record));
    }

    let collection = Collection::of(vec![1, 2, 3]);
    assert_eq!(serde_json::to_value(&collection).unwrap(), json!({ "totalCount": 3, "items": [1, 2, 3], "attributes": { "objectType": "Collection" } }));
}

#[test]
fn a_new_customer_takes_its_name_from_either_profile() {
    let mut new: NewCustomer = serde_json::from_value(json!({
        "companyProfile": { "domain": "zava" },
        "billingProfile": { "email": "a@zava.com", "companyName": "Zava From Billing" }
    }))
    .unwrap();
    let parsed = new.clone().parse().unwrap();
    assert_eq!((parsed.company_name(), parsed.domain()), ("Zava From Billing", "zava.onmicrosoft.com"));
    new.company_profile.company_name = Some("Zava Corp".to_string());
    assert_eq!(new.clone().parse().unwrap().company_name(), "Zava Corp");
    new.company_profile.company_name = Some("   ".to_string());
    assert!(matches!(new.parse(), Err(domain::DomainError::InvalidNewCustomer(_))));
}

#[test]
fn date_times_are_rfc_3339_in_utc_to_the_second() {
    let at = datetime!(2026-11-25 06:30:05.5 +02:00);
    assert_eq!(datetime::format(at), "2026-11-25T04:30:05Z");
    assert_eq!(datetime::parse("2026-11-25T04:30:05Z"), Some(datetime!(2026-11-25 04:30:05 UTC)));
    assert_eq!(datetime::parse("yesterday"), None);
}
