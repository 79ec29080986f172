//! The mock API server in this process, on 127.0.0.1 port 0, over a data file.

use std::thread::JoinHandle;
use std::time::Duration;

use crate::data_file::DataFile;
use crate::http::Client;
use crate::users::User;

/// The server, running in its own thread; stopped gracefully on drop.
pub struct Server {
    pub port: u16,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    /// The server over `data` (filled with the hand-made demo data when new).
    pub fn start(data: &DataFile) -> Self {
        Self::start_with(data, 0)
    }

    /// With `extra_customers` generated customers, when the file is new.
    pub fn start_with(data: &DataFile, extra_customers: u32) -> Self {
        Self::start_configured(data, extra_customers, mock_api::stand_in::StandInConfig::default())
    }

    /// With the stand-in's admin token, journal size and first fault rules of `config`.
    pub fn start_configured(data: &DataFile, extra_customers: u32, config: mock_api::stand_in::StandInConfig) -> Self {
        let (state, _) =
            mock_api::AppState::open_with(data.path(), extra_customers, config).expect("the data file opens");
        let (port_tx, port_rx) = std::sync::mpsc::channel();
        let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .expect("a runtime");
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                    .await
                    .expect("a loopback port");
                port_tx
                    .send(listener.local_addr().expect("its address").port())
                    .expect("the port is told");
                mock_api::serve(listener, state, async {
                    let _ = stop_rx.await;
                })
                .await
                .expect("serves");
            });
        });
        let port = port_rx
            .recv_timeout(Duration::from_secs(30))
            .expect("the server starts");
        Self {
            port,
            stop: Some(stop_tx),
            thread: Some(thread),
        }
    }

    /// A client without a token.
    pub fn client(&self) -> Client {
        Client::new(self.port)
    }

    /// A client signed in as `user`.
    pub fn as_user(&self, user: &User) -> Client {
        self.client().as_user(user)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
