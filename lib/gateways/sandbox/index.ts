export { createSandboxConnector, type SandboxConnectorOptions } from "./connector";
export { configureSandbox, seededRandom, type SandboxConfig } from "./config";
export { REFUND_FAILURE_REASON } from "./refund";
export {
  SANDBOX_TEST_CARDS,
  sandboxBehaviours,
  testCardByNumber,
  testCardByPaymentMethod,
  cardDetails,
  type SandboxBehaviour,
  type SandboxTestCard,
} from "./test-cards";
