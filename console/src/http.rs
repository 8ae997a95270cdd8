//! The console's requests: JSON from the same origin with the officer's
//! bearer token, problem documents read into [`Failure`], and CSV exports
//! saved as a download. Also the token's place in `sessionStorage`.

use aduan_core::Text;
use aduan_core::api::v1::Problem;
use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsCast;

/// Why a request gave no answer to use.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Failure {
    /// 401: the token is wrong or was revoked.
    Unauthorized,
    /// 404 without a problem document: this server lacks the endpoint.
    Missing,
    /// Any problem document (409, 422, 403, …).
    Problem(Problem),
    /// No answer, or one that is not what the console expects.
    Network,
}

impl Failure {
    /// What to tell the officer, in both languages.
    pub(crate) fn message(&self) -> Text {
        match self {
            Self::Unauthorized => Text::new(
                "Token petugas tidak dikenali. Masuk lagi dengan token yang Anda terima dari admin",
                "The officer token is not recognised. Sign in again with the token your admin gave you",
            ),
            Self::Missing => {
                Text::new("Server ini belum menyediakan data ini", "This server does not provide this yet")
            }
            Self::Problem(p) => p.message.clone(),
            Self::Network => Text::new(
                "Server tidak dapat dihubungi. Periksa sambungan internet, lalu coba lagi",
                "The server cannot be reached. Check the connection, then try again",
            ),
        }
    }
}

const TOKEN_KEY: &str = "aduan.console.token";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// The token of this tab's session, if signed in.
pub(crate) fn stored_token() -> Option<String> {
    storage()?.get_item(TOKEN_KEY).ok().flatten().filter(|t| !t.is_empty())
}

/// Keeps the token for this tab only (never `localStorage`).
pub(crate) fn store_token(token: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(TOKEN_KEY, token);
    }
}

/// Forgets the token.
pub(crate) fn clear_token() {
    if let Some(s) = storage() {
        let _ = s.remove_item(TOKEN_KEY);
    }
}

async fn read<T: DeserializeOwned>(response: gloo_net::http::Response) -> Result<T, Failure> {
    let status = response.status();
    let body = response.text().await.map_err(|_| Failure::Network)?;
    if (200..300).contains(&status) {
        return serde_json::from_str(&body).map_err(|_| Failure::Network);
    }
    if status == 401 {
        return Err(Failure::Unauthorized);
    }
    match serde_json::from_str::<Problem>(&body) {
        Ok(p) if status == 404 && p.code == "not_found" => Err(Failure::Missing),
        Ok(p) => Err(Failure::Problem(p)),
        Err(_) if status == 404 || status == 405 => Err(Failure::Missing),
        Err(_) => Err(Failure::Network),
    }
}

/// `GET path` as the officer.
pub(crate) async fn get<T: DeserializeOwned>(path: &str, token: &str) -> Result<T, Failure> {
    let response = gloo_net::http::Request::get(path)
        .header("Accept", "application/json")
        .header("Authorization", &format!("Bearer {token}"))
        .send()
        .await
        .map_err(|_| Failure::Network)?;
    read(response).await
}

/// `POST path` with a JSON body as the officer.
pub(crate) async fn post<T: DeserializeOwned, B: Serialize>(
    path: &str,
    token: &str,
    body: &B,
) -> Result<T, Failure> {
    let text = serde_json::to_string(body).map_err(|_| Failure::Network)?;
    let response = gloo_net::http::Request::post(path)
        .header("Accept", "application/json")
        .header("Content-Type", "application/json")
        .header("Authorization", &format!("Bearer {token}"))
        .body(text)
        .map_err(|_| Failure::Network)?
        .send()
        .await
        .map_err(|_| Failure::Network)?;
    read(response).await
}

/// Fetches a CSV export with the bearer header and saves it as a file
/// through a Blob URL and an `<a download>` (kept in the page, hidden, as
/// `#unduhan`, so the last export can be saved again), returning its name.
pub(crate) async fn download(path: &str, token: &str, fallback: &str) -> Result<String, Failure> {
    let response = gloo_net::http::Request::get(path)
        .header("Accept", "text/csv")
        .header("Authorization", &format!("Bearer {token}"))
        .send()
        .await
        .map_err(|_| Failure::Network)?;
    let status = response.status();
    if !(200..300).contains(&status) {
        return read::<serde_json::Value>(response).await.and(Err(Failure::Network));
    }
    let name =
        crate::dashboard::download_name(response.headers().get("content-disposition").as_deref(), fallback);
    let raw: web_sys::Response = response.into();
    let promise = raw.blob().map_err(|_| Failure::Network)?;
    let blob: web_sys::Blob =
        wasm_bindgen_futures::JsFuture::from(promise).await.map_err(|_| Failure::Network)?.unchecked_into();
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| Failure::Network)?;
    let document = leptos::prelude::document();
    let link: web_sys::HtmlAnchorElement = match document.get_element_by_id("unduhan") {
        Some(old) => old.unchecked_into(),
        None => {
            let a: web_sys::HtmlAnchorElement =
                document.create_element("a").map_err(|_| Failure::Network)?.unchecked_into();
            a.set_id("unduhan");
            a.set_class_name("visually-hidden");
            if let Some(body) = document.body() {
                let _ = body.append_child(&a);
            }
            a
        }
    };
    let old = link.href();
    if old.starts_with("blob:") {
        let _ = web_sys::Url::revoke_object_url(&old);
    }
    link.set_href(&url);
    link.set_download(&name);
    link.set_text_content(Some(&format!("Unduh {name}")));
    link.click();
    Ok(name)
}
