/** The logged-in user as DepartmentMonth finds them: a member of the department `avdeling`. */
export interface DepartmentMember {
  id: string;
  name: string;
  avdeling: string;
}
