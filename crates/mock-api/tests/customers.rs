//! Customers, their subscriptions, users and readiness, the audit log's dates and the
//! partner, as a client reads them.

use api_types::audit::AuditRecord;
use api_types::customer::{Customer, CustomerPage};
use api_types::customer_user::{AzureRoleName, CustomerUser, UserStateName};
use api_types::demo::Partner;
use api_types::policy::PolicyResource;
use api_types::readiness::Readiness;
use api_types::subscription::{BillingType, Subscription, SubscriptionStatus, UnitType};
use api_types::{Attributes, Collection};
use domain::demo_data::HAND_MADE_COUNT;
use domain::AzureRole;
use test_support::{admin, helpdesk, sales, DataFile, Request, Server};

const FABRIKAM: &str = "Fabrikam Inc";
const CONTOSO: &str = "Contoso Ltd";

fn names(page: &CustomerPage) -> Vec<String> {
    page.items
        .iter()
        .map(|c| c.company_profile.company_name.clone())
        .collect()
}

#[test]
fn customers_page_with_size_and_continuation_and_search_by_name_or_domain() {
    let data = DataFile::new("customers");
    let server = Server::start_with(&data, 30);
    let alex = server.as_user(&admin());
    let all = HAND_MADE_COUNT + 30;
    let first: CustomerPage = alex.read("/v1/customers?size=20");
    assert_eq!(
        (
            first.total_count,
            first.items.len(),
            first.total_matches,
            first.offset
        ),
        (20, 20, all, 0)
    );
    assert_eq!(first.attributes, Attributes::of("Collection"));
    let token = first.continuation_token.clone().expect("more follow");
    let link = first.links.clone().expect("a next link").next;
    assert_eq!(
        (
            link.method.as_str(),
            link.headers[0].key.as_str(),
            link.headers[0].value.as_str()
        ),
        ("GET", "MS-ContinuationToken", token.as_str())
    );

    // The token works as a query parameter or as the header.
    let second: CustomerPage =
        alex.read(&format!("/v1/customers?size=20&continuationToken={token}"));
    let second_by_header: CustomerPage = alex
        .send(Request::new("GET", "/v1/customers?size=20").header("MS-ContinuationToken", &token))
        .expect(200);
    assert_eq!(second, second_by_header);
    assert_eq!(second.offset, 20);
    let next_uri = second.links.clone().expect("a next link").next.uri;
    let third: CustomerPage = alex.read(&next_uri);
    assert_eq!(third.total_count, all - 40);
    assert!(
        third.continuation_token.is_none() && third.links.is_none(),
        "last page"
    );

    let every: Vec<String> = [&first, &second, &third]
        .into_iter()
        .flat_map(names)
        .collect();
    assert_eq!(every.len(), all);
    let mut sorted = every.clone();
    sorted.sort_by_key(|n| n.to_lowercase());
    assert_eq!(every, sorted, "sorted by name");

    assert_eq!(
        names(&alex.read("/v1/customers?search=fabrikam")),
        [FABRIKAM]
    );
    assert_eq!(
        names(&alex.read("/v1/customers?search=tailspintoys.onmicrosoft")),
        ["Tailspin Toys"]
    );
    assert_eq!(
        names(&alex.read("/v1/customers?search=%E6%9D%B1%E4%BA%AC")),
        ["東京クラウドソリューションズ株式会社"]
    );
    assert_eq!(
        alex.read::<CustomerPage>("/v1/customers?search=no-such-company-anywhere")
            .total_count,
        0
    );
    // By Microsoft ID, in any case.
    let fabrikam = alex.customer_id(FABRIKAM);
    let by_id = fabrikam.to_string().to_uppercase();
    assert_eq!(
        names(&alex.read(&format!("/v1/customers?search={by_id}"))),
        [FABRIKAM]
    );

    let contoso: CustomerPage = alex.read("/v1/customers?search=contoso");
    let contoso = &contoso.items[0];
    assert_eq!(
        contoso.company_profile.domain,
        "contoso.onmicrosoft.com"
    );
    assert_eq!(
        contoso.self_serve_permissions,
        Some(vec![PolicyResource::AzureReservedInstances]),
        "the list says what each customer may buy"
    );

    // The largest and smallest pages the schema allows.
    assert_eq!(
        alex.read::<CustomerPage>("/v1/customers?size=1000")
            .total_count,
        all
    );
    let one: CustomerPage = alex.read("/v1/customers?size=1&continuationToken=999999999");
    assert_eq!(
        (one.total_count, one.total_matches, one.continuation_token),
        (0, all, None)
    );
}

#[test]
fn one_customer_its_subscriptions_and_its_readiness() {
    let data = DataFile::new("customer");
    let server = Server::start(&data);
    let alex = server.as_user(&admin());
    let contoso = alex.customer_id(CONTOSO);
    let customer: Customer = server
        .as_user(&sales())
        .read(&format!("/v1/customers/{contoso}"));
    assert_eq!(
        (customer.id, customer.company_profile.tenant_id),
        (contoso, contoso)
    );
    assert_eq!(customer.company_profile.company_name, CONTOSO);
    assert_eq!(
        customer.billing_profile.email,
        "billing@contoso.onmicrosoft.com"
    );
    assert_eq!(customer.relationship_to_partner, "reseller");
    assert_eq!(customer.attributes, Attributes::of("Customer"));
    assert_eq!(customer.self_serve_permissions, None, "only the list says what each may buy");

    let subscriptions: Collection<Subscription> =
        alex.read(&format!("/v1/customers/{contoso}/subscriptions"));
    let plan = subscriptions
        .items
        .iter()
        .find(|s| s.offer_name == "Azure plan")
        .expect("Contoso has an Azure plan");
    assert_eq!(
        (plan.billing_type, plan.status, plan.unit_type),
        (
            BillingType::Usage,
            SubscriptionStatus::Active,
            UnitType::UsageBased
        )
    );
    assert_eq!(plan.offer_id, "DZH318Z0BPS6");
    assert_eq!(plan.azure_subscription_ids.len(), 1);
    assert_eq!(
        plan.entitlement_id,
        plan.azure_subscription_ids.first().copied()
    );
    let licences = subscriptions
        .items
        .iter()
        .find(|s| s.billing_type == BillingType::License)
        .expect("and licences");
    assert_eq!(
        (licences.unit_type, licences.entitlement_id),
        (UnitType::Licenses, None)
    );
    assert!(
        api_types::datetime::parse(&plan.creation_date).is_some(),
        "{}",
        plan.creation_date
    );

    let ready: Readiness = server
        .as_user(&helpdesk())
        .read(&format!("/v1/customers/{contoso}/readiness"));
    assert!(ready.is_ready && ready.has_azure_subscription && ready.has_owner);
    assert_eq!(ready.owners[0].display_name, "Megan Bowen");
    assert_eq!(
        ready.azure_subscriptions[0].azure_subscription_id,
        plan.azure_subscription_ids[0]
    );

    // Northwind has licences only: not ready, and it says why.
    let northwind = alex.customer_id("Northwind Traders");
    let not_ready: Readiness = alex.read(&format!("/v1/customers/{northwind}/readiness"));
    assert_eq!(
        (not_ready.is_ready, not_ready.has_azure_subscription),
        (false, false)
    );
    // Adventure Works has an Azure plan but nobody with Owner.
    let adventure = alex.customer_id("Adventure Works Cycles");
    let no_owner: Readiness = alex.read(&format!("/v1/customers/{adventure}/readiness"));
    assert_eq!(
        (
            no_owner.has_azure_subscription,
            no_owner.has_owner,
            no_owner.is_ready
        ),
        (true, false, false)
    );

    let partner: Partner = alex.read("/v1/partner");
    assert_eq!(partner.company_name, "Adatum Cloud Services");
    assert_eq!(partner.customer_count, HAND_MADE_COUNT);
}

#[test]
fn a_customers_users_with_their_azure_roles() {
    let data = DataFile::new("users");
    let server = Server::start(&data);
    let alex = server.as_user(&admin());
    let contoso = alex.customer_id(CONTOSO);
    let subscriptions: Collection<Subscription> =
        alex.read(&format!("/v1/customers/{contoso}/subscriptions"));
    let azure = subscriptions
        .items
        .iter()
        .flat_map(|s| s.azure_subscription_ids.iter().copied())
        .collect::<Vec<_>>();

    for reader in [admin(), sales(), helpdesk()] {
        let users: Collection<CustomerUser> = server
            .as_user(&reader)
            .read(&format!("/v1/customers/{contoso}/users"));
        assert_eq!(users.total_count, 3);
        assert_eq!(users.attributes, Attributes::of("Collection"));
        let megan = &users.items[0];
        assert_eq!(
            (
                megan.user_principal_name.as_str(),
                megan.display_name.as_str(),
                megan.first_name.as_str(),
                megan.last_name.as_str()
            ),
            (
                "meganb@contoso.onmicrosoft.com",
                "Megan Bowen",
                "Megan",
                "Bowen"
            )
        );
        assert_eq!(
            (megan.state, megan.attributes.object_type.as_str()),
            (UserStateName::Active, "CustomerUser")
        );
        let roles: Vec<_> = users
            .items
            .iter()
            .map(|u| {
                u.azure_roles
                    .iter()
                    .map(|r| r.role_name)
                    .collect::<Vec<_>>()
            })
            .collect();
        assert_eq!(
            roles,
            [
                [AzureRoleName::Owner],
                [AzureRoleName::Contributor],
                [AzureRoleName::Reader]
            ]
        );
        for user in &users.items {
            for role in &user.azure_roles {
                assert_eq!(role.azure_subscription_id, azure[0]);
                assert_eq!(
                    role.role_definition_id,
                    AzureRole::from(role.role_name).role_definition_id()
                );
            }
        }
        // The owner is the one readiness names.
        let ready: Readiness = alex.read(&format!("/v1/customers/{contoso}/readiness"));
        assert_eq!(ready.owners[0].id, megan.id);
    }

    let alpine = alex.customer_id("Alpine Ski House");
    let users: Collection<CustomerUser> = alex.read(&format!("/v1/customers/{alpine}/users"));
    let markus = users
        .items
        .iter()
        .find(|u| u.first_name == "Markus")
        .expect("Markus Gruber");
    assert_eq!(
        (markus.state, markus.azure_roles.len()),
        (UserStateName::Inactive, 0)
    );
}

#[test]
fn audit_records_are_filtered_by_date_newest_first() {
    let data = DataFile::new("audit");
    let server = Server::start(&data);
    let alex = server.as_user(&admin());
    let fabrikam = alex.customer_id(FABRIKAM);
    assert_eq!(
        alex.post_policy(&fabrikam, &[domain::Permission::AzureSavingsPlan])
            .status,
        201
    );
    let today = time::OffsetDateTime::now_utc().date();
    let day = domain::dates::format_date;

    let default_range: Collection<AuditRecord> = alex.read("/v1/auditrecords");
    assert_eq!(
        default_range.items[0].customer_id, fabrikam,
        "today's change is in the default range, first"
    );
    let dates: Vec<String> = alex
        .audit()
        .iter()
        .map(|r| r.operation_date.clone())
        .collect();
    let mut newest_first = dates.clone();
    newest_first.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, newest_first);

    let tomorrow = day(today.next_day().expect("a tomorrow"));
    let future: Collection<AuditRecord> = alex.read(&format!(
        "/v1/auditrecords?startDate={tomorrow}&endDate={tomorrow}"
    ));
    assert_eq!(future.total_count, 0);
    // An RFC 3339 date-time counts by its UTC date.
    let rfc: Collection<AuditRecord> = alex.read(&format!(
        "/v1/auditrecords?startDate={}T00:00:00Z&endDate={}",
        day(today),
        day(today)
    ));
    assert!(rfc.items.iter().any(|r| r.customer_id == fabrikam));
    // Without startDate, the 30 days before endDate.
    let long_ago: Collection<AuditRecord> = alex.read("/v1/auditrecords?endDate=2001-01-31");
    assert_eq!(long_ago.total_count, 0);
}
