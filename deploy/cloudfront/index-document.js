// Bulletin behind CloudFront with an S3 REST origin: a CloudFront Function (runtime
// cloudfront-js-2.0) for the distribution's viewer-request event. See docs/deploy.md ("S3").
//
// S3's REST endpoint has no index document for folders, and CloudFront's "default root object"
// applies to / alone, so /news/<slug>/ would be a 403 or 404. Every Bulletin page is a folder's
// index.html; this maps the address to that file:
//   /news/<slug>/  ->  /news/<slug>/index.html
//   /news/<slug>   ->  /news/<slug>/index.html  (no file extension: the folder; same page, no redirect)
// Addresses with an extension (/feed.json, /assets/index-….js, /sw.js) are left as they are.
// eslint-disable-next-line no-unused-vars -- CloudFront calls the function named handler.
function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.endsWith('/')) {
    request.uri = uri + 'index.html';
  } else if (uri.lastIndexOf('.') < uri.lastIndexOf('/')) {
    request.uri = uri + '/index.html';
  }
  return request;
}
