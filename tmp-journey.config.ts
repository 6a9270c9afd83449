import base from "./playwright.config";
export default { ...base, projects: [base.projects![0]!, { ...base.projects![2]!, dependencies: ["setup"] }] };
