//! A TCP proxy that can lose a response on its way back: the server has
//! done the work (stored the complaint), but the browser sees the
//! connection drop, as on a mobile network that fails mid-request.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Mutex;

/// The proxy; it stops when dropped.
#[derive(Debug)]
pub struct FaultProxy {
    addr: SocketAddr,
    faults: Arc<Faults>,
    task: tokio::task::JoinHandle<()>,
}

#[derive(Debug, Default)]
struct Faults {
    /// The request line prefix whose responses are lost, e.g.
    /// `POST /api/v1/complaints `.
    pattern: Mutex<Option<String>>,
    /// How many more responses to lose.
    remaining: AtomicUsize,
    /// How many were lost so far.
    lost: AtomicUsize,
    /// Requests whose line starts with the pattern, lost or not.
    seen: AtomicUsize,
}

impl FaultProxy {
    /// Listens on a loopback port and forwards to `upstream`.
    ///
    /// # Errors
    /// When no port can be bound.
    pub async fn start(upstream: SocketAddr) -> std::io::Result<Self> {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let faults = Arc::new(Faults::default());
        let shared = Arc::clone(&faults);
        let task = tokio::spawn(async move {
            while let Ok((client, _)) = listener.accept().await {
                let faults = Arc::clone(&shared);
                tokio::spawn(async move {
                    if let Ok(server) = TcpStream::connect(upstream).await {
                        relay(client, server, faults).await;
                    }
                });
            }
        });
        Ok(Self { addr, faults, task })
    }

    /// `http://127.0.0.1:PORT`.
    #[must_use]
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Loses the responses to the next `count` requests whose request line
    /// starts with `request_line` (`"POST /api/v1/complaints "`): each
    /// request reaches the server, which answers, and the proxy then closes
    /// the browser's connection without passing the answer on.
    pub async fn lose_responses(&self, request_line: &str, count: usize) {
        *self.faults.pattern.lock().await = Some(request_line.to_owned());
        self.faults.remaining.store(count, Ordering::SeqCst);
    }

    /// How many responses were lost so far.
    #[must_use]
    pub fn lost(&self) -> usize {
        self.faults.lost.load(Ordering::SeqCst)
    }

    /// How many requests matched the pattern so far, lost or passed on.
    #[must_use]
    pub fn seen(&self) -> usize {
        self.faults.seen.load(Ordering::SeqCst)
    }
}

impl Drop for FaultProxy {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// Copies both ways; when a request from the client matches the fault
/// pattern, the next bytes the server sends back are swallowed and both
/// connections closed.
async fn relay(client: TcpStream, server: TcpStream, faults: Arc<Faults>) {
    let (mut client_read, mut client_write) = client.into_split();
    let (mut server_read, mut server_write) = server.into_split();
    let poisoned = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let poison = Arc::clone(&poisoned);
    let upstream = async move {
        let mut buf = vec![0u8; 16 * 1024];
        loop {
            let n = match client_read.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(n) => n,
            };
            if let Some(pattern) = faults.pattern.lock().await.as_deref()
                && buf[..n].starts_with(pattern.as_bytes())
            {
                faults.seen.fetch_add(1, Ordering::SeqCst);
                let lose = faults
                    .remaining
                    .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |r| r.checked_sub(1))
                    .is_ok();
                if lose {
                    faults.lost.fetch_add(1, Ordering::SeqCst);
                    poison.store(true, Ordering::SeqCst);
                }
            }
            if server_write.write_all(&buf[..n]).await.is_err() {
                break;
            }
        }
        let _ = server_write.shutdown().await;
    };
    let downstream = async move {
        let mut buf = vec![0u8; 64 * 1024];
        loop {
            let n = match server_read.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(n) => n,
            };
            if poisoned.load(Ordering::SeqCst) {
                // The server answered: drop the answer and the connection.
                break;
            }
            if client_write.write_all(&buf[..n]).await.is_err() {
                break;
            }
        }
        let _ = client_write.shutdown().await;
    };
    // Either side ending ends the relay: dropping the halves closes both
    // sockets, so a lost response is a closed connection to the browser.
    tokio::select! {
        () = upstream => {}
        () = downstream => {}
    }
}
