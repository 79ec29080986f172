//! What a first visit does not download: pages reached by a click, and the HTTP backend
//! (needed only with `?api=`), live in chunks, separate Wasm modules loaded on first use.
//!
//! Each chunk's entry is declared here with [`split_point!`]: with the `split` feature (every
//! build trunk makes) it is a `wasm_split` point, the one Leptos' `#[lazy]` uses, but
//! *fallible*: a module that cannot be loaded (network gone, a new deploy replaced it) is an
//! `Err(ChunkUnavailable)`, shown by [`LazyView`] with a way to retry, never a panic (`#[lazy]`
//! would panic). Without the feature (the component tests, which wasm-bindgen-test cannot run
//! split, and native builds) the same functions are plain calls.
//!
//! Trunk.toml's `post_build` hook (`cargo xtask split`) cuts the Wasm at these points;
//! [`preload`] fetches the chunks of the signed-in user's side when the browser is idle.

mod lazy_view;
pub mod preload;

use std::rc::Rc;

use domain::CustomerId;
use leptos::prelude::*;

use crate::app_route::AppRoute;
use crate::backend::{Backend, EmbeddedStore, LoadOutcome};

pub use lazy_view::{ChunkFailed, LazyExtra, LazyView};

/// A chunk could not be loaded (the details are in the browser's console).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChunkUnavailable;

#[cfg(all(feature = "split", target_family = "wasm"))]
impl From<leptos::wasm_split::SplitLoaderError> for ChunkUnavailable {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        Self
    }
}

/// Declares the entry of a chunk: `#[chunk(module, preload = preload_name)] fn name(args) -> T
/// { body }` becomes `async fn name(args) -> Result<T, ChunkUnavailable>`, which loads the
/// chunk `module` first, and `async fn preload_name() -> Result<(), ChunkUnavailable>`, which
/// only loads it. Each module has one entry (the module's name is also a Rust module's here).
macro_rules! split_point {
    (#[chunk($module:ident, preload = $preload:ident)] $(#[$attr:meta])*
        $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block) => {
        #[cfg(all(feature = "split", target_family = "wasm"))]
        mod $module {
            #[allow(unused_imports)]
            use super::*;

            $(#[$attr])*
            #[::leptos::wasm_split::wasm_split($module, wasm_split_path = ::leptos::wasm_split, fallible, preload(load_chunk))]
            pub fn $name($($arg: $ty),*) -> Result<$ret, $crate::chunks::ChunkUnavailable> {
                Ok($body)
            }
        }
        #[cfg(all(feature = "split", target_family = "wasm"))]
        $vis use $module::$name;

        /// Loads the chunk without calling into it.
        #[cfg(all(feature = "split", target_family = "wasm"))]
        $vis async fn $preload() -> Result<(), $crate::chunks::ChunkUnavailable> {
            Ok($module::load_chunk().await?)
        }

        $(#[$attr])*
        #[cfg(not(all(feature = "split", target_family = "wasm")))]
        $vis async fn $name($($arg: $ty),*) -> Result<$ret, $crate::chunks::ChunkUnavailable> {
            Ok($body)
        }

        /// Loads the chunk without calling into it (here: nothing to load).
        #[cfg(not(all(feature = "split", target_family = "wasm")))]
        $vis async fn $preload() -> Result<(), $crate::chunks::ChunkUnavailable> {
            Ok(())
        }
    };
}

split_point! {
    #[chunk(http, preload = preload_http)]
    /// The HTTP backend, for `?api=`: the mock API's client with every api-types conversion.
    pub fn http_backend(url: String) -> Rc<dyn Backend> {
        Rc::new(crate::backend::PartnerCenterApi::new(&url)) as Rc<dyn Backend>
    }
}

split_point! {
    #[chunk(saved_data, preload = preload_saved_data)]
    /// The embedded store as this browser kept it (its base and every change since, read and
    /// applied again), for a visit after changes were made; a first visit starts from demo
    /// data without it.
    pub fn restore_saved_data() -> (Rc<EmbeddedStore>, LoadOutcome) {
        let (store, outcome) = EmbeddedStore::load();
        (Rc::new(store), outcome)
    }
}


split_point! {
    #[chunk(store, preload = preload_store_operations)]
    /// Everything the embedded store does beyond the first page: the rules of every other
    /// page (reads, and changes decided, kept and applied).
    pub fn store_operations(store: Rc<EmbeddedStore>) -> Rc<dyn Backend> {
        store.keep_expiries_from_now_on();
        store as Rc<dyn Backend>
    }
}

split_point! {
    #[chunk(customer, preload = preload_customer_pages)]
    /// A customer's pages (`/customers/{id}/…`): the frame and every tab inside it.
    pub fn customer_pages(id: CustomerId, route: Memo<AppRoute>) -> AnyView {
        view! { <crate::pages::customer_layout::CustomerLayout id=id route=route/> }.into_any()
    }
}

split_point! {
    #[chunk(activity, preload = preload_activity_log)]
    /// The Activity log (`/activity-log`).
    pub fn activity_log_page() -> AnyView {
        view! { <crate::pages::activity_log_page::ActivityLogPage/> }.into_any()
    }
}

split_point! {
    #[chunk(portal, preload = preload_portal)]
    /// A customer user's Azure portal (`/azure/…`).
    pub fn portal_pages(route: Memo<AppRoute>) -> AnyView {
        view! { <crate::pages::portal::PortalPage route=route/> }.into_any()
    }
}

split_point! {
    #[chunk(top_bar, preload = preload_partner_top_bar)]
    /// The partner's top bar beyond the first page: the count of requests waiting and the bell
    /// (with its list of notifications).
    pub fn partner_top_bar() -> AnyView {
        view! { <crate::components::partner_top_bar::PartnerTopBar/> }.into_any()
    }
}

split_point! {
    #[chunk(developer, preload = preload_developer)]
    /// The Requests inspector (`/developer/requests`), for partner developers on the mock API.
    pub fn developer_page() -> AnyView {
        view! { <crate::pages::developer::RequestsInspector/> }.into_any()
    }
}

split_point! {
    #[chunk(purchases, preload = preload_purchases)]
    /// The partner's Reservations and Requests pages (`/reservations…`, `/requests`).
    pub fn purchases_pages(route: Memo<AppRoute>) -> AnyView {
        view! { <crate::pages::purchases::PurchasesSection route=route/> }.into_any()
    }
}

