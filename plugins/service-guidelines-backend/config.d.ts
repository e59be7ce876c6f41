export interface Config {
  /** Configuration of the service-guidelines plugins (synpunkter, svarstider, förtroendevalda). */
  serviceGuidelines?: {};
}
