// Scroll each document view to its first highlighted sentence (event and document pages).
document.querySelectorAll(".doctext").forEach(function (box) {
  var mark = box.querySelector("mark");
  if (mark) box.scrollTop = Math.max(0, mark.offsetTop - box.offsetTop - 48);
});
