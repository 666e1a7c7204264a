namespace BidPortal.Domain.Filings;

public enum DocumentKind { CourseNotice, TrainingPlan, Budget, WrittenReport }
