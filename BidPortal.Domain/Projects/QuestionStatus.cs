namespace BidPortal.Domain.Projects;

public enum QuestionStatus { Asked, Answered }
