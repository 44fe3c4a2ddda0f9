/**
 * Lesson HTML made safe for the page with DOMPurify: no scripts, no event handlers, no `javascript:` links, and no
 * elements that fetch or submit anything (the page works offline and its CSP would refuse them anyway). Links to
 * other sites open in a new tab without access to this one.
 */
import DOMPurify from 'dompurify';

const purify = DOMPurify(window);

purify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A' && /^https?:/i.test(node.getAttribute('href') ?? '')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

export function sanitize(html: string): string {
  return purify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['img', 'picture', 'source', 'video', 'audio', 'track', 'iframe', 'object', 'embed', 'form', 'input', 'button', 'select', 'textarea', 'style', 'link', 'meta', 'svg', 'math'],
    FORBID_ATTR: ['style', 'srcset', 'action', 'formaction', 'background', 'poster'],
    ALLOW_DATA_ATTR: false,
  });
}
