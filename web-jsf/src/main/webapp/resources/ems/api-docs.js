// Starts Swagger UI on the console's API reference page (a file: the page's CSP runs no inline script).
(function () {
    function start() {
        var node = document.getElementById('swagger-ui');
        if (!node || typeof SwaggerUIBundle !== 'function') {
            return;
        }
        SwaggerUIBundle({
            url: node.dataset.url,
            domNode: node,
            // No links to operations: inside each operation's button they would be a control within a control.
            deepLinking: false,
            defaultModelsExpandDepth: 0,
            // Each visit signs in anew: no credential kept in the browser's storage.
            persistAuthorization: false
        });
    }
    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
})();
