//! The words of the partner's notifications panel (the bell's list), in English and German:
//! only the panel's chunk carries them. The bell itself (its name with the unread count) is
//! in `Messages`, since the top bar shows it on the first page.

use super::{de, en, Lang, Messages};

catalogue! {
    NotificationTexts {
        notifications_title: &'static str,
        notifications_empty: &'static str,
        mark_all_read: &'static str,
        mark_read: &'static str,
        /// The accessible name of a button marking one notification read: {what} is the
        /// notification's text.
        mark_read_label: &'static str,
        notification_unread: &'static str,
        /// A customer user ({user}) bought {product}, named {name}.
        notification_purchase: &'static str,
        /// What the purchase's order bills the partner: {amount}.
        notification_billed: &'static str,
        /// A customer user ({user}) asks the partner for {request} on the purchase {name}.
        notification_request: &'static str,
        open_order_history: &'static str,
        open_request: &'static str,
    }
}

pub static EN: NotificationTexts = NotificationTexts {
    core: &en::EN,
    lang: Lang::En,
    notifications_title: "Notifications",
    notifications_empty: "Nothing yet. You are told here when a customer's user buys a reservation or a savings plan on their own, or asks you for something.",
    mark_all_read: "Mark all as read",
    mark_read: "Mark as read",
    mark_read_label: "Mark as read: {what}",
    notification_unread: "Unread",
    notification_purchase: "{user} bought {product} “{name}”",
    notification_billed: "Billed to you: {amount}",
    notification_request: "{user} asks: {request}, “{name}”",
    open_order_history: "Order history",
    open_request: "Requests",
};

pub static DE: NotificationTexts = NotificationTexts {
    core: &de::DE,
    lang: Lang::De,
    notifications_title: "Benachrichtigungen",
    notifications_empty: "Noch nichts. Hier erfahren Sie, wenn ein Benutzer eines Kunden selbst eine Reservierung oder einen Sparplan kauft oder Sie um etwas bittet.",
    mark_all_read: "Alle als gelesen markieren",
    mark_read: "Als gelesen markieren",
    mark_read_label: "Als gelesen markieren: {what}",
    notification_unread: "Ungelesen",
    notification_purchase: "{user} hat {product} „{name}“ gekauft",
    notification_billed: "Ihnen in Rechnung gestellt: {amount}",
    notification_request: "{user} bittet: {request}, „{name}“",
    open_order_history: "Auftragsverlauf",
    open_request: "Anfragen",
};
