//! `GET /v1/events`: every kept change reaches whoever may see it, as server-sent events; a
//! customer user's stream carries only their company's; a reconnection with `Last-Event-ID`
//! gets what was missed, and after a restart (or a reset) the client is told to read
//! everything again.

use std::time::Duration;

use api_types::change_event::{ChangeEvent, ChangeKind};
use api_types::endpoint::ResetData;
use domain::Permission;
use mock_api::stand_in::StandInConfig;
use test_support::{admin, customer_token, reservation_request, DataFile, EventStream, Server};

const MEGAN: &str = "meganb@contoso.onmicrosoft.com";
const WAIT: Duration = Duration::from_secs(5);
const QUIET: Duration = Duration::from_millis(500);

#[test]
fn a_kept_change_reaches_every_partner_stream_and_only_its_companys_customer_streams() {
    let data = DataFile::new("events-visibility");
    let server = Server::start(&data);
    let alex = server.as_user(&admin());
    let (contoso, fabrikam) = (alex.customer_id("Contoso Ltd"), alex.customer_id("Fabrikam Inc"));
    let mut partner = EventStream::open(server.port, &admin().token, false, None).expect("open");
    // A browser's EventSource sends the token in the query.
    let mut megan = EventStream::open(server.port, &customer_token(MEGAN), true, None).expect("open");
    assert_eq!(EventStream::open(server.port, "nobody", false, None).err(), Some(401));

    assert_eq!(alex.post_policy(&fabrikam, &[Permission::AzureReservations]).status, 201);
    let seen = partner.next(WAIT).expect("the partner hears of it");
    assert_eq!(seen.event, ChangeEvent { customer_id: Some(fabrikam), kind: ChangeKind::Permissions });
    assert_eq!(megan.next(QUIET), None, "another company's change is not Megan's");

    let azure = server.client().as_customer(MEGAN).my_azure_subscriptions()[0].subscription_id;
    assert_eq!(server.client().as_customer(MEGAN).buy_reservation(&reservation_request(azure)).status, 200);
    let purchase = ChangeEvent { customer_id: Some(contoso), kind: ChangeKind::Purchase };
    assert_eq!(megan.next(WAIT).map(|r| r.event), Some(purchase));
    assert_eq!(partner.next(WAIT).map(|r| r.event), Some(purchase));
}

#[test]
fn a_reconnection_gets_what_it_missed_and_a_restart_or_reset_says_read_everything() {
    let data = DataFile::new("events-resume");
    let config = || StandInConfig { admin_token: "mock-admin-events".into(), ..StandInConfig::default() };
    let server = Server::start_configured(&data, 0, config());
    let alex = server.as_user(&admin());
    let customers = ["Fabrikam Inc", "Northwind Traders", "Adventure Works Cycles"].map(|name| alex.customer_id(name));
    let mut first = EventStream::open(server.port, &admin().token, false, None).expect("open");
    alex.post_policy(&customers[0], &[Permission::AzureSavingsPlan]);
    let last = first.next(WAIT).expect("the first change");
    drop(first);

    // Missed while away: both, in order, after the last one seen.
    alex.post_policy(&customers[1], &[Permission::AzureSavingsPlan]);
    alex.post_policy(&customers[2], &[Permission::AzureSavingsPlan]);
    let mut again = EventStream::open(server.port, &admin().token, false, Some(&last.id)).expect("open");
    let missed: Vec<_> = again.drain(QUIET * 2).into_iter().map(|r| r.event.customer_id).collect();
    assert_eq!(missed, [Some(customers[1]), Some(customers[2])]);

    // A reset: read everything.
    server.client().with_token("mock-admin-events").ok(&ResetData { body: Default::default() });
    assert_eq!(again.next(WAIT).map(|r| r.event), Some(ChangeEvent::EVERYTHING));
    let seen_before_restart = last.id.clone();
    drop(again);
    drop(server);

    // Another start of the server cannot tell what was missed: read everything.
    let server = Server::start_configured(&data, 0, config());
    let mut after = EventStream::open(server.port, &admin().token, false, Some(&seen_before_restart)).expect("open");
    assert_eq!(after.next(WAIT).map(|r| r.event), Some(ChangeEvent::EVERYTHING));
    assert_eq!(after.next(QUIET), None);
}
