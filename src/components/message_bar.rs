//! The coloured message bar at the top of the content area.

use leptos::prelude::*;

use crate::app_state::{use_app, NoticeKind};

#[component]
pub fn MessageBar() -> impl IntoView {
    let app = use_app();
    let m = app.t();
    view! {
        <div class="message-bar" role="status" aria-live="polite" data-testid="messages">
            <For each=move || app.notices.get() key=|n| n.id let:notice>
                <div class=format!("message message-{}", kind_class(notice.kind))
                    role=(notice.kind == NoticeKind::Error).then_some("alert")>
                    <span class="message-text">{notice.text.words(app.lang.get_untracked())}</span>
                    <button type="button" class="message-dismiss" aria-label=m.dismiss
                        on:click=move |_| app.dismiss(notice.id)>"×"</button>
                </div>
            </For>
        </div>
    }
}

fn kind_class(kind: NoticeKind) -> &'static str {
    match kind {
        NoticeKind::Info => "info",
        NoticeKind::Success => "success",
        NoticeKind::Warning => "warning",
        NoticeKind::Error => "error",
    }
}
