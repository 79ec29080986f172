//! The texts of the Activity log, in English and German. They live in that area's chunk: only its
//! pages read them. Every other text is in `Messages` (`en.rs`, `de.rs`), which these
//! reach through `Deref`.

use super::{de, en, Lang, Messages, Plural};

catalogue! {
    ActivityTexts {
        activity_intro: &'static str,
        from_date: &'static str,
        to_date: &'static str,
        col_date_time: &'static str,
        col_affected_customer: &'static str,
        col_action: &'static str,
        col_details: &'static str,
        change_details: &'static str,
        no_activity: &'static str,
        activity_count: Plural,
        invalid_range: &'static str,
        /// The Activity log's user column: a partner user or a customer user.
        col_activity_user: &'static str,
        all_actions: &'static str,
        /// {action}: Partner Center's (English) name of the action chosen.
        no_activity_of_action: &'static str,
        /// An order in the Activity log: {quantity}, the {total} billed to the partner, the {billing} frequency.
        order_detail: &'static str,
        /// A role assignment in the Activity log: the {role}, the {user} and the Azure {subscription}.
        role_detail: &'static str,
        /// `{name}`: `{before}` → `{after}` instances; the `{refund}`.
        return_detail: &'static str,
        /// `{name}`: `{returned}` instances (worth `{value}`) for `{product}`, `{quantity}` instances, `{total}`.
        exchange_detail: &'static str,
        /// The name and auto-renew, `{name_before}`/`{renew_before}` → `{name_after}`/`{renew_after}`.
        settings_detail: &'static str,
    }
}

pub static EN: ActivityTexts = ActivityTexts {
    core: &en::EN,
    lang: Lang::En,
    activity_intro: "Changes to customer purchase permissions, orders (yours and what customers bought on their own) and Azure role assignments, newest first.",
    from_date: "From",
    to_date: "To",
    col_date_time: "Date-Time (UTC)",
    col_affected_customer: "Affected customer",
    col_action: "Action",
    col_details: "Details",
    change_details: "Before: {before} · After: {after}",
    no_activity: "No activity in this date range.",
    activity_count: Plural { one: "{count} record", other: "{count} records" },
    invalid_range: "The From date is after the To date.",
    col_activity_user: "User",
    all_actions: "All actions",
    no_activity_of_action: "No “{action}” records in this date range.",
    order_detail: "Quantity: {quantity} · Total billed: {total} · Billing frequency: {billing}",
    role_detail: "{role} · User: {user} · Azure subscription: {subscription}",
    return_detail: "{name}: {before} → {after} instances · Refunded: {refund}",
    exchange_detail: "{name}: {returned} instances returned (worth {value}) · New: {product}, {quantity} instances, {total}",
    settings_detail: "{name_before} → {name_after} · Auto-renew: {renew_before} → {renew_after}",
};

pub static DE: ActivityTexts = ActivityTexts {
    core: &de::DE,
    lang: Lang::De,
    activity_intro: "Änderungen an den Kaufberechtigungen von Kunden, Aufträge (Ihre eigenen und die Käufe der Kunden) und Azure-Rollenzuweisungen, die neuesten zuerst.",
    from_date: "Von",
    to_date: "Bis",
    col_date_time: "Datum und Uhrzeit (UTC)",
    col_affected_customer: "Betroffener Kunde",
    col_action: "Aktion",
    col_details: "Details",
    change_details: "Vorher: {before} · Nachher: {after}",
    no_activity: "Keine Aktivitäten in diesem Zeitraum.",
    activity_count: Plural { one: "{count} Eintrag", other: "{count} Einträge" },
    invalid_range: "Das Von-Datum liegt nach dem Bis-Datum.",
    col_activity_user: "Benutzer",
    all_actions: "Alle Aktionen",
    no_activity_of_action: "Keine Einträge „{action}“ in diesem Zeitraum.",
    order_detail: "Menge: {quantity} · In Rechnung gestellt: {total} · Abrechnungshäufigkeit: {billing}",
    role_detail: "{role} · Benutzer: {user} · Azure-Abonnement: {subscription}",
    return_detail: "{name}: {before} → {after} Instanzen · Erstattet: {refund}",
    exchange_detail: "{name}: {returned} Instanzen zurückgegeben (Wert {value}) · Neu: {product}, {quantity} Instanzen, {total}",
    settings_detail: "{name_before} → {name_after} · Automatisch verlängern: {renew_before} → {renew_after}",
};
