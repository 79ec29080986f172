//! The words of a customer's requests to the partner (what is asked, where it stands), in
//! English and German: both the partner's Requests page and the customer's portal show them,
//! so they live in the chunks of those pages, not in the first page's `Messages`.

use domain::RequestKind;

use super::{de, en, Lang, Messages};

catalogue! {
    RequestTexts {
        request_kind_exchange: &'static str,
        request_kind_cancel: &'static str,
        request_kind_renew_on: &'static str,
        request_kind_renew_off: &'static str,
        request_pending: &'static str,
        request_approved: &'static str,
        request_declined: &'static str,
        /// Who decided a request ({user}) and on which {date}.
        decided_by: &'static str,
        /// Why the partner declined a request: the partner's {reason}.
        declined_because: &'static str,
    }
}

impl RequestTexts {
    pub fn request_kind(&self, kind: RequestKind) -> &'static str {
        match kind {
            RequestKind::Exchange => self.request_kind_exchange,
            RequestKind::Cancel => self.request_kind_cancel,
            RequestKind::Renew { on: true } => self.request_kind_renew_on,
            RequestKind::Renew { on: false } => self.request_kind_renew_off,
        }
    }
}

pub static EN: RequestTexts = RequestTexts {
    core: &en::EN,
    lang: Lang::En,
    request_kind_exchange: "Exchange",
    request_kind_cancel: "Cancel (refund)",
    request_kind_renew_on: "Turn auto-renew on",
    request_kind_renew_off: "Turn auto-renew off",
    request_pending: "Waiting for the partner",
    request_approved: "Approved",
    request_declined: "Declined",
    decided_by: "by {user}, {date}",
    declined_because: "Reason: {reason}",
};

pub static DE: RequestTexts = RequestTexts {
    core: &de::DE,
    lang: Lang::De,
    request_kind_exchange: "Umtauschen",
    request_kind_cancel: "Stornieren (Erstattung)",
    request_kind_renew_on: "Automatische Verlängerung einschalten",
    request_kind_renew_off: "Automatische Verlängerung ausschalten",
    request_pending: "Wartet auf den Partner",
    request_approved: "Genehmigt",
    request_declined: "Abgelehnt",
    decided_by: "von {user}, {date}",
    declined_because: "Grund: {reason}",
};
