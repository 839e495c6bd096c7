/** Web plumbing for every module: problem+json answers, the error page, languages, static-asset caching. */
package org.simpul.shared.web;
