//! What the tests share, written once: the demo users and their tokens ([`admin`],
//! [`sales`], ...), one small HTTP client that sends and reads `api_types` values
//! ([`Client`]), a temporary data file ([`DataFile`]), and the mock API server on port 0,
//! as a child process ([`ServerProcess`]) or, with the `in-process` feature, in this
//! process ([`Server`]).

mod api;
mod data_file;
mod events;
mod http;
mod process;
#[cfg(feature = "in-process")]
mod server;
mod users;

pub use api::{fresh_guid, new_customer, reservation_request, savings_plan_request, HOSTILE_NAME};
pub use data_file::DataFile;
pub use events::{EventStream, Received};
pub use http::{Client, Reply, Request};
pub use process::ServerProcess;
#[cfg(feature = "in-process")]
pub use server::Server;
pub use users::{admin, admin_2, customer_token, helpdesk, sales, users, User};
