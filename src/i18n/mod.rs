//! German and English: the message catalogues, the language in use, and formatting of
//! numbers, dates and plurals for it (the browser's own `Intl`, so no locale data ships
//! in the Wasm).
//!
//! Every text a user sees comes from a catalogue (`en.rs`, `de.rs`). Texts take named
//! arguments (`{customer}`), filled with [`fill`]; counts choose a [`Plural`] form. The
//! `Messages` struct is declared once by `catalogue!`, so a key missing in either
//! language does not compile, and the tests compare the languages key by key.

mod de;
mod en;
mod intl;
mod wording;

pub use activity::ActivityTexts;
pub use customer::CustomerTexts;
pub use developer::DeveloperTexts;
pub use notifications::NotificationTexts;
pub use portal::PortalTexts;
pub use purchases::PurchasesTexts;
pub use requests::RequestTexts;

pub use intl::{format_date, format_date_time, format_money, format_number, join_list};

/// A language of the UI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    De,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::De];

    /// The BCP 47 tag, for `<html lang>` and `Intl`.
    pub fn tag(self) -> &'static str {
        match self {
            Self::En => "en-US",
            Self::De => "de-DE",
        }
    }

    /// The short code kept in localStorage and used in element ids.
    pub fn code(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::De => "de",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The language a browser asks for (`navigator.language`): German for `de…`, English
    /// for anything else.
    pub fn for_browser(language: &str) -> Self {
        if language.trim().to_ascii_lowercase().starts_with("de") {
            Self::De
        } else {
            Self::En
        }
    }

    /// The language's name in itself, as a language picker lists it.
    pub fn own_name(self) -> &'static str {
        match self {
            Self::En => "English",
            Self::De => "Deutsch",
        }
    }

    pub fn messages(self) -> &'static Messages {
        Messages::of(self)
    }
}

/// A text with a singular and a plural form, chosen by a count (`{count}` in either).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plural {
    pub one: &'static str,
    pub other: &'static str,
}

/// A catalogue entry, as the tests compare them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    Text(&'static str),
    Plural(Plural),
}

impl From<&&'static str> for Entry {
    fn from(text: &&'static str) -> Self {
        Self::Text(text)
    }
}

impl From<&Plural> for Entry {
    fn from(plural: &Plural) -> Self {
        Self::Plural(*plural)
    }
}

/// A catalogue: its texts in one language, found by the language.
pub trait Catalogue: 'static {
    fn of(lang: Lang) -> &'static Self;
    /// Every entry with its key, in declaration order (for the tests).
    fn entries(&self) -> Vec<(&'static str, Entry)>;
}

/// Declares a catalogue's struct: `Messages` (the first page, the shell and the words every
/// page shares: `en.rs`, `de.rs`), or an area's, which also reaches `Messages` through
/// `Deref` and lives in its own file with both languages (`customer.rs`, `portal.rs`,
/// `activity.rs`), so that only that area's chunk carries its texts. A key missing in either
/// language does not compile.
macro_rules! catalogue {
    (@entries $name:ident $($key:ident)*) => {
        impl $crate::i18n::Catalogue for $name {
            fn of(lang: Lang) -> &'static Self {
                match lang {
                    Lang::En => &EN,
                    Lang::De => &DE,
                }
            }

            fn entries(&self) -> Vec<(&'static str, $crate::i18n::Entry)> {
                vec![$( (stringify!($key), $crate::i18n::Entry::from(&self.$key)), )*]
            }
        }
    };
    (Messages { $( $(#[doc = $doc:literal])* $key:ident: $ty:ty, )* }) => {
        /// The texts of the first page and the shell, and the words every page shares, in
        /// one language.
        pub struct Messages {
            /// The language of these texts.
            pub lang: Lang,
            $( $(#[doc = $doc])* pub $key: $ty, )*
        }

        catalogue!(@entries Messages $($key)*);
    };
    ($name:ident { $( $(#[doc = $doc:literal])* $key:ident: $ty:ty, )* }) => {
        /// An area's texts, in one language.
        pub struct $name {
            /// The texts every page shares, in the same language.
            pub core: &'static Messages,
            /// The language of these texts.
            pub lang: Lang,
            $( $(#[doc = $doc])* pub $key: $ty, )*
        }

        impl std::ops::Deref for $name {
            type Target = Messages;

            fn deref(&self) -> &Messages {
                self.core
            }
        }

        catalogue!(@entries $name $($key)*);
    };
}

// After the macro: the areas' files use it.
pub mod activity;
pub mod customer;
pub mod developer;
pub mod notifications;
pub mod portal;
pub mod purchases;
pub mod requests;

use de::DE;
use en::EN;

catalogue! {
    Messages {
        /// The `<title>` of every page: `{page}` is the page's own title.
        document_title: &'static str,
        product_name: &'static str,
        workspace: &'static str,
        skip_to_content: &'static str,
        nav_customers: &'static str,
        nav_label: &'static str,
        settings: &'static str,
        activity_log: &'static str,
        signed_in_as: &'static str,
        switch_user: &'static str,
        language: &'static str,
        backend_embedded: &'static str,
        backend_embedded_hint: &'static str,
        /// `{place}`: the API's address, or `backend_api_same_origin`.
        backend_api: &'static str,
        backend_api_same_origin: &'static str,
        backend_api_hint: &'static str,
        loading: &'static str,
        dismiss: &'static str,
        /// A part of the app (a chunk) could not be loaded.
        chunk_failed_title: &'static str,
        chunk_failed_text: &'static str,
        try_again: &'static str,
        reload_page: &'static str,

        customers_title: &'static str,
        search_label: &'static str,
        search_placeholder: &'static str,
        col_company: &'static str,
        col_domain: &'static str,
        col_microsoft_id: &'static str,
        col_permissions: &'static str,
        permissions_off: &'static str,
        /// `{first}`, `{last}`, `{total}`: formatted numbers.
        customers_range: &'static str,
        no_customers_match: &'static str,
        pages: &'static str,
        previous_page: &'static str,
        next_page: &'static str,
        page_of: &'static str,

        subscriptions: &'static str,
        breadcrumb: &'static str,
        company_name: &'static str,

        user_active: &'static str,
        user_inactive: &'static str,
        role_owner: &'static str,
        role_contributor: &'static str,
        role_reader: &'static str,

        permission_reservations: &'static str,
        permission_savings_plan: &'static str,
        on: &'static str,
        off: &'static str,

        cancel: &'static str,

        /// The `<title>` of a customer user's pages (their Azure portal): `{page}` is the page's own title.
        azure_document_title: &'static str,
        term_one_year: &'static str,
        term_three_years: &'static str,
        billing_plan_upfront: &'static str,
        billing_plan_monthly: &'static str,
        billing_cycle_one_time: &'static str,
        billing_cycle_monthly: &'static str,
        billing_cycle_none: &'static str,
        order_status_pending: &'static str,
        order_status_completed: &'static str,
        order_status_cancelled: &'static str,
        region_east_us: &'static str,
        region_west_europe: &'static str,
        region_germany_west_central: &'static str,
        scope_shared: &'static str,
        scope_single: &'static str,
        benefit_succeeded: &'static str,
        benefit_cancelled: &'static str,
        benefit_expired: &'static str,
        partner_staff: &'static str,
        customer_users: &'static str,
        azure_portal_name: &'static str,
        azure_portal_workspace: &'static str,
        nav_azure_subscriptions: &'static str,
        nav_reservations: &'static str,
        nav_savings_plans: &'static str,
        partner_only_title: &'static str,
        /// {user} and their {company}: the customer user signed in.
        partner_only_text: &'static str,
        go_to_my_subscriptions: &'static str,
        customer_only_title: &'static str,
        customer_only_text: &'static str,
        error_partner_users_only: &'static str,
        error_customer_users_only: &'static str,

        col_offer: &'static str,
        col_status: &'static str,
        col_quantity: &'static str,
        offer_azure_plan: &'static str,
        offer_azure_global: &'static str,
        status_active: &'static str,
        status_suspended: &'static str,
        status_deleted: &'static str,
        billing_usage: &'static str,
        billing_license: &'static str,

        /// Beside Partner Center's own (English) action names, in every language.
        action_create_explained: &'static str,
        action_update_explained: &'static str,
        action_delete_explained: &'static str,
        col_product: &'static str,
        col_term: &'static str,
        col_billing_frequency: &'static str,
        /// Beside a name: one of the partner's staff.
        marker_partner_staff: &'static str,
        /// Beside a name: a user of the customer (a self-service purchase).
        marker_customer_user: &'static str,

        role_admin_agent: &'static str,
        role_sales_agent: &'static str,
        role_helpdesk_agent: &'static str,

        not_found_title: &'static str,
        not_found_text: &'static str,
        customer_not_found: &'static str,
        back_to_customers: &'static str,

        col_subscription_id: &'static str,
        col_scope: &'static str,

        demo_data: &'static str,
        demo_size_label: &'static str,
        reset_demo_data: &'static str,
        demo_data_reset: Plural,
        demo_customers_option: Plural,
        notice_fresh_data: &'static str,
        notice_unreadable_data: &'static str,
        notice_old_data: &'static str,
        /// Under the demo data panel on the mock API: a reset is everyone's who uses it.
        mock_api_data_hint: &'static str,
        /// Why the reset is disabled for Sales and Helpdesk agents on the mock API.
        mock_api_reset_admin_only: &'static str,
        /// A backend cannot do what was asked (the embedded store has no request journal).
        error_not_supported: &'static str,

        error_not_admin: &'static str,
        error_unknown_user: &'static str,
        error_unknown_customer: &'static str,
        error_invalid_customer_id: &'static str,
        error_stale: &'static str,
        error_storage: &'static str,
        error_network: &'static str,
        error_timeout: &'static str,
        error_server: &'static str,
        /// The server failed ({status} of 500 and above): nothing changed, the page reads again.
        error_server_failed: &'static str,
        error_not_allowed_to_create: &'static str,
        error_domain_taken: &'static str,
        error_new_customer_name_empty: &'static str,
        error_new_customer_name_too_long: &'static str,
        error_new_customer_name_control: &'static str,
        error_new_customer_domain: &'static str,
        error_new_customer_email: &'static str,
        action_create_order_explained: &'static str,
        action_create_role_assignment_explained: &'static str,
        action_delete_role_assignment_explained: &'static str,
        error_not_allowed_to_manage_purchases: &'static str,
        /// `{partner}` and its contact `{email}`: who the customer asks instead.
        error_ask_your_partner: &'static str,
        error_benefit_not_active: &'static str,
        error_savings_plan_not_returnable: &'static str,
        /// The `{limit}`, what was `{consumed}` in the last 12 months, and the `{refund}` asked.
        error_refund_limit: &'static str,
        /// The new reservation's total `{purchase}` and the `{returned}` value.
        error_exchange_below_returned: &'static str,
        error_unknown_quote: &'static str,
        error_request_decided: &'static str,
        error_request_mismatch: &'static str,
        error_request_pending: &'static str,
        error_request_text_empty: &'static str,
        error_request_text_too_long: &'static str,
        error_request_text_control: &'static str,
        /// More instances than the reservation's {available}.
        error_quantity_not_available: &'static str,
        /// The partner's left navigation and the top bar: the customers' requests.
        nav_requests: &'static str,
        /// The left navigation's link to the Requests inspector (on the mock API).
        nav_requests_inspector: &'static str,
        /// The top bar's link to the Requests page: {count} requests waiting for the partner.
        requests_waiting: Plural,
        /// The server answered "too many requests": the app asks again in {seconds} seconds.
        server_busy_waiting: &'static str,
        /// The top bar's bell's name: the partner user's notifications, {count} unread.
        notifications_bell: Plural,
        action_cancel_reservation_explained: &'static str,
        action_exchange_reservation_explained: &'static str,
        action_update_reservation_explained: &'static str,
        action_update_savings_plan_explained: &'static str,
        error_not_allowed_to_order: &'static str,
        error_not_allowed_to_manage_roles: &'static str,
        error_invalid_cart: &'static str,
        error_azure_plan_exists: &'static str,
        error_not_found: &'static str,
        error_unknown_azure_subscription: &'static str,
        error_unknown_principal: &'static str,
        error_role_assignment_exists: &'static str,
        error_role_assignment_unchangeable: &'static str,
        error_purchase_not_allowed: &'static str,
        error_no_eligible_subscriptions: &'static str,
        error_not_owner: &'static str,
        error_purchase_quantity: &'static str,
        error_commitment_too_small: &'static str,
        error_commitment_too_large: &'static str,
        error_purchase_name_too_long: &'static str,
        error_purchase_name_control: &'static str,
        error_purchase_alias: &'static str,
        error_purchase_id_taken: &'static str,

    }
}

/// Puts named arguments into `{name}` slots of `template`; a slot without an argument is
/// left out.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                if let Some((_, value)) = args.iter().find(|(n, _)| *n == name) {
                    out.push_str(value);
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `{name}` slots of a template, in order.
pub fn slots(template: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        found.push(&after[..close]);
        rest = &after[close + 1..];
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(target_arch = "wasm32")]
    wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

    fn sorted_slots(text: &str) -> Vec<&str> {
        let mut found = slots(text);
        found.sort_unstable();
        found
    }

    /// A key missing in a language does not compile; a text left empty, a plural form
    /// missing, or arguments that differ between the languages fail here, in every catalogue.
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    fn both_languages_have_every_text_with_the_same_arguments() {
        same_texts::<Messages>();
        same_texts::<CustomerTexts>();
        same_texts::<PortalTexts>();
        same_texts::<ActivityTexts>();
        same_texts::<PurchasesTexts>();
        same_texts::<RequestTexts>();
        same_texts::<DeveloperTexts>();
        same_texts::<NotificationTexts>();
        assert_eq!(Lang::En.messages().lang, Lang::En);
        assert_eq!(Lang::De.messages().lang, Lang::De);
        assert_eq!(PortalTexts::of(Lang::De).lang, Lang::De);
        assert_eq!(PortalTexts::of(Lang::De).core.lang, Lang::De, "an area's shared texts are in its language");
        assert_eq!(CustomerTexts::of(Lang::En).core.lang, Lang::En);
    }

    fn same_texts<C: Catalogue>() {
        let english = C::of(Lang::En).entries();
        let german = C::of(Lang::De).entries();
        assert_eq!(english.len(), german.len());
        for ((key, en), (key_de, de)) in english.iter().zip(&german) {
            assert_eq!(key, key_de);
            let forms = |entry: &Entry| match entry {
                Entry::Text(text) => vec![*text],
                Entry::Plural(p) => vec![p.one, p.other],
            };
            let (en_forms, de_forms) = (forms(en), forms(de));
            assert_eq!(en_forms.len(), de_forms.len(), "{key}: a text in one language, a plural in the other");
            for (en, de) in en_forms.iter().zip(&de_forms) {
                assert!(!en.trim().is_empty(), "{key} is empty in English");
                assert!(!de.trim().is_empty(), "{key} is empty in German");
                assert_eq!(sorted_slots(en), sorted_slots(de), "{key}: the languages take different arguments");
            }
            if let Entry::Plural(p) = en {
                assert!(p.other.contains("{count}"), "{key}: a plural names its count");
            }
        }
    }

    /// One key, one text: no area repeats a key of the shared catalogue (which `Deref` would
    /// hide) or of another area.
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    fn every_key_is_declared_once() {
        let mut seen = std::collections::HashSet::new();
        let all = [
            Messages::of(Lang::En).entries(),
            CustomerTexts::of(Lang::En).entries(),
            PortalTexts::of(Lang::En).entries(),
            ActivityTexts::of(Lang::En).entries(),
            PurchasesTexts::of(Lang::En).entries(),
            RequestTexts::of(Lang::En).entries(),
            NotificationTexts::of(Lang::En).entries(),
        ];
        for (key, _) in all.iter().flatten() {
            assert!(seen.insert(*key), "{key} is declared twice");
        }
    }

    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    fn the_seed_terms_are_the_german_ones() {
        // A customer's pages reach every shared text too.
        let de = CustomerTexts::of(Lang::De);
        assert_eq!(de.customer_permissions, "Kundenberechtigungen");
        assert_eq!(de.permission_reservations, "Azure-Reservierungen");
        assert_eq!(de.permission_savings_plan, "Azure-Sparplan");
        assert_eq!(de.allow_customer_to_purchase, "Kauf von Kunden gestatten");
        assert_eq!(de.activity_log, "Aktivitätsprotokoll");
        assert_eq!(de.role_owner, "Besitzer");
        assert_eq!(de.role_admin_agent, "Administrator-Agent");
        assert_eq!(de.role_sales_agent, "Vertriebs-Agent");
        assert_eq!(de.role_helpdesk_agent, "Helpdesk-Agent");
        assert!(de.consequence_visible.contains("Auftragsverlauf") && de.consequence_visible.contains("Reservierungen"));
    }

    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    fn fill_puts_named_arguments_in_their_slots() {
        assert_eq!(fill("{permission} turned On for {customer}.", &[("customer", "B"), ("permission", "A")]), "A turned On for B.");
        assert_eq!(fill("{a} and {b}", &[("a", "only")]), "only and ");
        assert_eq!(fill("none", &[("x", "y")]), "none");
        assert_eq!(fill("a {b", &[]), "a {b");
        assert_eq!(fill("{x}", &[("x", "{x}")]), "{x}", "arguments are not filled again");
        assert_eq!(slots("{first}–{last} of {total}"), ["first", "last", "total"]);
        assert_eq!(Lang::for_browser("de-AT"), Lang::De);
        assert_eq!(Lang::for_browser("DE"), Lang::De);
        assert_eq!(Lang::for_browser("en-GB"), Lang::En);
        assert_eq!(Lang::for_browser("fr"), Lang::En);
        assert_eq!(Lang::for_browser(""), Lang::En);
    }
}
