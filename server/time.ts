export { copenhagenToday } from "../shared/danish.js";
