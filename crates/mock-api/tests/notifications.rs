//! `/v1/notifications` (this API's addition): the partner is told of customers' own purchases
//! and requests; each partner user marks theirs read, kept in the data file.

use api_types::endpoint::{ListNotifications, MarkNotifications};
use api_types::notification::{MarkNotificationsRead, NotificationKind, NotificationList};
use api_types::ErrorCode;
use domain::{DomainError, NotificationId};
use serde_json::json;
use test_support::{admin, reservation_request, sales, Client, DataFile, Server};

const MEGAN: &str = "meganb@contoso.onmicrosoft.com";

fn mark(client: &Client, body: MarkNotificationsRead) -> NotificationList {
    client.ok(&MarkNotifications { body })
}

#[test]
fn a_partner_user_lists_the_customers_purchases_and_marks_them_read_one_or_all() {
    let data = DataFile::new("notifications-list");
    let server = Server::start(&data);
    let alex = server.as_user(&admin());
    let list = alex.ok(&ListNotifications {});
    // The demo's customer purchases: Litware's savings plan, Wide World's two reservations.
    assert_eq!((list.total_count, list.unread_count), (3, 3));
    let first = &list.items[0];
    assert_eq!((first.kind, first.customer_name.as_str(), first.read), (NotificationKind::Purchase, "Litware Inc", false));
    assert_eq!(first.created_by, "miriamg@litware.onmicrosoft.com");
    let order = alex.orders(&first.customer_id).into_iter().find(|o| Some(o.id) == first.order_id).expect("its order");
    assert_eq!(first.amount, Some(order.total_price));

    // A new purchase is the newest, unread.
    let megan = server.client().as_customer(MEGAN);
    let azure = megan.my_azure_subscriptions()[0].subscription_id;
    let request = reservation_request(azure);
    assert_eq!(megan.buy_reservation(&request).status, 200);
    let list = alex.ok(&ListNotifications {});
    assert_eq!((list.total_count, list.unread_count), (4, 4));
    assert_eq!((list.items[0].created_by.as_str(), list.items[0].benefit.reservation_order_id), (MEGAN, Some(request.id)));

    // One marked read (an unknown id is ignored), then all.
    let one = list.items[1].id;
    let unknown = NotificationId::from_uuid(uuid::Uuid::from_u128(9));
    let after = mark(&alex, MarkNotificationsRead { ids: vec![one, unknown], all: false });
    assert_eq!(after.unread_count, 3);
    assert!(after.items[1].read && !after.items[0].read);
    assert_eq!(alex.ok(&ListNotifications {}), after);
    assert_eq!(mark(&alex, MarkNotificationsRead { ids: vec![one], all: false }), after, "read already: nothing changes");
    let all = mark(&alex, MarkNotificationsRead { ids: Vec::new(), all: true });
    assert_eq!(all.unread_count, 0);
    assert!(all.items.iter().all(|n| n.read));
}

#[test]
fn read_state_is_each_partner_users_own_and_kept_across_a_restart() {
    let data = DataFile::new("notifications-per-user");
    let server = Server::start(&data);
    let alex = server.as_user(&admin());
    assert_eq!(mark(&alex, MarkNotificationsRead { ids: Vec::new(), all: true }).unread_count, 0);
    let sales_agent = server.as_user(&sales());
    assert_eq!(sales_agent.ok(&ListNotifications {}).unread_count, 3, "another partner user's are still unread");
    let before = alex.ok(&ListNotifications {});
    drop(server);

    let server = Server::start(&data);
    assert_eq!(server.as_user(&admin()).ok(&ListNotifications {}), before);
    assert_eq!(server.as_user(&sales()).ok(&ListNotifications {}).unread_count, 3);
}

#[test]
fn customer_users_are_refused_and_bodies_are_objects_of_ids() {
    let data = DataFile::new("notifications-refused");
    let server = Server::start(&data);
    let megan = server.client().as_customer(MEGAN);
    let reply = megan.call(&ListNotifications {});
    assert_eq!(reply.status, 403);
    assert_eq!(reply.refusal(), Some(DomainError::PartnerUsersOnly));
    let reply = megan.call(&MarkNotifications { body: MarkNotificationsRead { ids: Vec::new(), all: true } });
    assert_eq!(reply.status, 403);

    let alex = server.as_user(&admin());
    for bad in [json!({ "ids": ["not-a-guid"] }), json!({ "everything": true }), json!([]), json!({ "all": "yes" })] {
        let reply = alex.post("/v1/notifications/read", &bad);
        assert_eq!(reply.status, 400, "{bad}");
        reply.assert_error(ErrorCode::BadRequest);
    }
    // Nothing named: nothing marked.
    assert_eq!(alex.post("/v1/notifications/read", &json!({})).expect::<NotificationList>(200).unread_count, 3);
}
