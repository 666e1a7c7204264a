// The proposal upload over plain HTTP (not the circuit): the fields first, then the document, with the
// progress reported to .NET about ten times a second and a cancel that aborts the request.
// The addresses come from .NET (BidPortal.Web.Routes); nothing here is a literal address.

let current = null;

/** The chosen file's name and size, or null when none is chosen. */
export function describe(input) {
    const file = input && input.files && input.files[0];
    return file ? { name: file.name, size: file.size } : null;
}

/** Clears the picker, so the same file can be chosen again after a refusal. */
export function clear(input) {
    if (input) input.value = "";
}

/**
 * Sends the chosen file with the fields. Returns at once; the outcome reaches .NET through
 * OnProgress(sent, total) and OnFinished(status, body) — status 0 for a network error, -1 when cancelled.
 */
export async function start(input, dotnet, options) {
    const file = input && input.files && input.files[0];
    if (!file) return false;
    if (current) current.abort();

    let token;
    try {
        const response = await fetch(options.tokenUrl, { credentials: "same-origin", cache: "no-store" });
        if (!response.ok) {
            await finish(dotnet, response.status, "");
            return true;
        }
        token = await response.json();
    } catch {
        await finish(dotnet, 0, "");
        return true;
    }

    // The server reads the fields before the file: their order matters.
    const form = new FormData();
    form.append("price", options.price);
    form.append("days", options.days);
    form.append("trainees", options.trainees);
    form.append("faculty", options.faculty);
    form.append("outline", options.outline);
    form.append("file", file, file.name);

    const xhr = new XMLHttpRequest();
    current = xhr;
    let last = 0;
    xhr.upload.onprogress = e => {
        const now = performance.now();
        if (!e.lengthComputable || (now - last < 100 && e.loaded < e.total)) return;
        last = now;
        dotnet.invokeMethodAsync("OnProgress", e.loaded, e.total).catch(() => { });
    };
    xhr.onload = () => finish(dotnet, xhr.status, xhr.responseText, xhr);
    xhr.onerror = () => finish(dotnet, 0, "", xhr);
    xhr.onabort = () => finish(dotnet, -1, "", xhr);
    xhr.open("POST", options.uploadUrl);
    xhr.setRequestHeader(token.header, token.token);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.send(form);
    return true;
}

/** Aborts the upload under way, if any; the server stores nothing of a request that did not finish. */
export function cancel() {
    if (current) current.abort();
}

async function finish(dotnet, status, body, xhr) {
    if (xhr && current !== xhr) return;
    current = null;
    try {
        await dotnet.invokeMethodAsync("OnFinished", status, body || "");
    } catch {
        // The page was left meanwhile: nobody is listening.
    }
}
