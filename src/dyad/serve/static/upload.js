// Upload files to POST /api/ingest with the bearer token (a plain form cannot send the header).
document.getElementById("upload").addEventListener("submit", function (ev) {
  ev.preventDefault();
  var out = document.getElementById("upload-result");
  var body = new FormData();
  Array.prototype.forEach.call(document.getElementById("files").files, function (f) { body.append("files", f); });
  out.textContent = "uploading…";
  fetch("/api/ingest", {
    method: "POST", body: body,
    headers: { Authorization: "Bearer " + document.getElementById("token").value }
  }).then(function (r) { return r.json(); })
    .then(function (data) { out.textContent = JSON.stringify(data, null, 2); })
    .catch(function (err) { out.textContent = "upload failed: " + err; });
});
