/**
 * Kemendagri regions (province, regency, district, village) loaded once from the ODbL files with COPY;
 * {@link org.simpul.region.RegionCatalog} answers lookups for every other module; the public region API
 * and the region browser page. Publishes and listens to no events.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.simpul.region;
